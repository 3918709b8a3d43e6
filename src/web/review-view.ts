import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppDeps } from "../deps.ts";
import type { DealDraft } from "../domain/deal-draft.ts";
import type { Deal } from "../domain/deal.ts";
import { loadDealDraft } from "../handoff/load-deal-draft.ts";
import type { Actor } from "../services/actor.ts";
import { isDraftApproved } from "./deal-state.ts";
import { auditPage, loadPageDeal } from "./load-page-deal.ts";
import { type ReviewPageView, renderReviewPage } from "./review-page.ts";
import type { WebEnv } from "./web-env.ts";

/** The service caller of a page request: the signed-in user and the request id for the audit log. */
export function pageActor(c: Context<WebEnv>): Actor {
  return { user: c.get("user"), requestId: c.get("requestId") ?? null };
}

/** The deal's current draft, as the review page shows it. */
export function currentDraft(deps: Pick<AppDeps, "items" | "sources" | "runs" | "gapAnswers" | "config">, deal: Deal): DealDraft {
  return loadDealDraft(deps, deal, { kind: deps.config.extractor });
}

type Extras = Pick<ReviewPageView, "messages" | "formMessages" | "addItemInput">;

/** The review page of the deal in the path, with refusals to show beside what was refused (a form posted without the script). */
export function respondWithReviewPage(c: Context<WebEnv>, deps: AppDeps, extras: Extras = {}, status: ContentfulStatusCode = 200) {
  const { deal, actions } = loadPageDeal(c, deps, "read");
  const draft = currentDraft(deps, deal);
  const latest = deps.versions.latest(deal.id);
  const approval = latest ? { version: latest.version, approvedAt: latest.approvedAt, matches: isDraftApproved(deps, deal) } : null;
  auditPage(c, deps, { action: "view", objectType: "draft", objectId: deal.id, dealId: deal.id });
  return c.html(
    renderReviewPage({
      user: c.get("user"),
      csrfToken: c.get("csrfToken"),
      deal,
      draft,
      canEdit: actions.includes("edit"),
      approval,
      ...extras,
    }),
    status,
  );
}
