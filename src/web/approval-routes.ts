import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps } from "../deps.ts";
import { approveDeal, previewApproval } from "../services/version-service.ts";
import { renderApprovePage } from "./approve-page.ts";
import { loadPageDeal } from "./load-page-deal.ts";
import { pageActor } from "./review-view.ts";
import type { WebEnv } from "./web-env.ts";
import { formGuards, runFormAction } from "./web-forms.ts";

/** GET shows what approving would leave unreviewed, out or unanswered; POST approves through the same service as the API. */
export function registerApprovalRoutes(routes: Hono<WebEnv>, deps: AppDeps): void {
  const respond = (c: Context<WebEnv>, error: string | null, status: ContentfulStatusCode = 200) => {
    const { deal } = loadPageDeal(c, deps, "edit");
    const version = Number(c.req.query("version"));
    // Only a version the deal has: the query cannot make the page announce an approval that never happened.
    const stored = Number.isInteger(version) && version > 0 ? deps.versions.get(deal.id, version) : undefined;
    const outcome = stored ? { version: stored.version, created: c.req.query("created") === "1" } : null;
    const preview = previewApproval(deps, pageActor(c), deal.id);
    return c.html(renderApprovePage({ user: c.get("user"), csrfToken: c.get("csrfToken"), deal, preview, outcome, error }), status);
  };

  routes.get("/:dealId/approve", (c) => respond(c, null));

  routes.post("/:dealId/approve", ...formGuards(deps.config.trustProxy), (c) => {
    const dealId = c.req.param("dealId") ?? "";
    return runFormAction(
      c,
      () => {
        const { created, version } = approveDeal(deps, pageActor(c), dealId);
        return c.redirect(`/deals/${encodeURIComponent(dealId)}/approve?version=${version.version}&created=${created ? 1 : 0}`, 303);
      },
      (message, status) => respond(c, message, status),
    );
  });
}
