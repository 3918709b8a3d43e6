import { type Context, Hono } from "hono";
import { hasCapability, readableDeals } from "../access/access-policy.ts";
import type { AppDeps } from "../deps.ts";
import { buildBrief } from "../drafting/build-brief.ts";
import { AppError } from "../errors.ts";
import { loadBriefInput } from "../handoff/load-brief-input.ts";
import type { DealSummaryRepository } from "../storage/deal-summary-repository.ts";
import type { SessionRepository } from "../storage/session-repository.ts";
import { renderBriefPage } from "./brief-page.ts";
import { registerDealActions, describeRun } from "./deal-action-routes.ts";
import { type DealPageView, renderDealPage } from "./deal-page.ts";
import { DEAL_STATE_KEYS, type DealStateKey, dealStateOf, isDraftApproved } from "./deal-state.ts";
import { type DealRow, renderDealsListPage } from "./deals-list-page.ts";
import { renderErrorResponse } from "./error-page.ts";
import { auditPage, loadPageDeal } from "./load-page-deal.ts";
import { pageHeaders } from "./page-headers.ts";
import type { SourceViewOptions } from "./partials/source-view.ts";
import { registerApprovalRoutes } from "./approval-routes.ts";
import { registerTrackingActions } from "./tracking-action-routes.ts";
import { registerNewDealRoutes } from "./new-deal-routes.ts";
import { loadTracking } from "../services/tracking-service.ts";
import { renderTrackingSummary } from "./partials/handoff-tracking.ts";
import { registerReviewActions } from "./review-action-routes.ts";
import { respondWithReviewPage } from "./review-view.ts";
import { loadSession, requireSession } from "./session/session-middleware.ts";
import { renderSourcePage, renderSourcePanel } from "./source-page.ts";
import type { WebEnv } from "./web-env.ts";

/** The read-only pages under /deals: the list, a deal, its review workspace, its brief, and its sources. */
export function createDealPageRoutes(deps: AppDeps, sessions: SessionRepository, summaries: DealSummaryRepository) {
  const routes = new Hono<WebEnv>();
  routes.use("*", pageHeaders, loadSession(deps, sessions), requireSession);
  const nameOf = (userId: string) => deps.users.get(userId)?.name ?? "Former user";
  const view = (c: Context<WebEnv>) => ({ user: c.get("user"), csrfToken: c.get("csrfToken") });

  routes.get("/", (c) => {
    const user = c.get("user");
    const canList = hasCapability(user, "listDeals");
    const deals = canList ? deps.deals.listReadable(readableDeals(user)) : [];
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const stateQuery = c.req.query("state") ?? "";
    const state = (DEAL_STATE_KEYS as string[]).includes(stateQuery) ? (stateQuery as DealStateKey) : null;
    const summaryById = summaries.summarize(deals.map((deal) => deal.id));
    const rows: DealRow[] = deals.flatMap((deal) => {
      const summary = summaryById.get(deal.id);
      if (summary === undefined) return [];
      // Only a deal with a version needs the full draft to tell "approved" from "changed since".
      const approved = summary.latestVersion !== null && isDraftApproved(deps, deal);
      return [
        {
          deal,
          aeName: nameOf(deal.aeId),
          csmName: deal.csmId === null ? null : nameOf(deal.csmId),
          summary,
          state: dealStateOf(summary, approved),
        },
      ];
    });
    const needle = q.toLowerCase();
    const shown = rows.filter(
      (row) => (needle === "" || row.deal.account.toLowerCase().includes(needle)) && (state === null || row.state === state),
    );
    return c.html(renderDealsListPage({ ...view(c), rows: shown, visibleCount: rows.length, filters: { q, state }, canList }));
  });

  const showDeal = (c: Context<WebEnv>, extras: Pick<DealPageView, "uploadResults"> = {}) => {
    const { deal, actions } = loadPageDeal(c, deps, "read");
    const summary = summaries.summarize([deal.id]).get(deal.id)!;
    const approved = summary.latestVersion !== null && isDraftApproved(deps, deal);
    const metas = deps.sources.listMeta(deal.id);
    const parsedById = new Map(deps.sources.listParsed(deal.id).map((parsed) => [parsed.source.id, parsed]));
    const runs = deps.runs.listForDeal(deal.id);
    const followed = runs.find((run) => run.id === c.req.query("run"));
    auditPage(c, deps, { action: "view", objectType: "deal", objectId: deal.id, dealId: deal.id });
    return c.html(
      renderDealPage({
        ...view(c),
        deal,
        actions,
        aeName: nameOf(deal.aeId),
        csmName: deal.csmId === null ? null : nameOf(deal.csmId),
        summary,
        state: dealStateOf(summary, approved),
        sources: metas.flatMap((meta) => {
          const parsed = parsedById.get(meta.id);
          return parsed ? [{ meta, parsed }] : [];
        }),
        runs,
        names: new Map(runs.map((run) => [run.requestedBy, nameOf(run.requestedBy)])),
        followedRun: followed ? describeRun(followed, deps.now()) : null,
        tracking: renderTrackingSummary(loadTracking(deps, deal.id), nameOf, deal.id),
        ...extras,
      }),
    );
  };

  registerNewDealRoutes(routes, deps);
  routes.get("/:dealId", (c) => showDeal(c));
  registerDealActions(routes, deps, (c, results) => showDeal(c, { uploadResults: results }));

  routes.get("/:dealId/review", (c) => respondWithReviewPage(c, deps));
  registerReviewActions(routes, deps);
  registerApprovalRoutes(routes, deps);
  registerTrackingActions(routes, deps);

  routes.get("/:dealId/brief", (c) => {
    const { deal, actions } = loadPageDeal(c, deps, "read");
    const input = loadBriefInput(deps, deal);
    const brief = buildBrief(input);
    const citations = new Map(input.items.map((item) => [item.id, item.citations]));
    auditPage(c, deps, { action: "view", objectType: "brief", objectId: deal.id, dealId: deal.id });
    return c.html(
      renderBriefPage({
        ...view(c),
        deal,
        brief,
        citations,
        canEdit: actions.includes("edit"),
        canTrack: actions.includes("track"),
        tracking: loadTracking(deps, deal.id),
        names: nameOf,
      }),
    );
  });

  const loadSource = (c: Context<WebEnv>) => {
    const { deal } = loadPageDeal(c, deps, "read");
    const parsed = deps.sources.getParsed(deal.id, c.req.param("sourceId") ?? "");
    if (parsed === undefined) throw new AppError({ code: "NOT_FOUND", message: "This deal has no such source." });
    auditPage(c, deps, { action: "view", objectType: "source", objectId: parsed.source.id, dealId: deal.id });
    return { deal, parsed, options: readSourceOptions(c, parsed.source.text.length) };
  };

  routes.get("/:dealId/sources/:sourceId", (c) => {
    const { deal, parsed, options } = loadSource(c);
    return c.html(renderSourcePage({ ...view(c), deal, parsed, options }));
  });

  routes.get("/:dealId/sources/:sourceId/panel", (c) => {
    const { deal, parsed, options } = loadSource(c);
    return c.html(renderSourcePanel(deal, parsed, options));
  });

  routes.all("*", (c) => renderErrorResponse(c, 404, "There is no page at this address."));
  return routes;
}

/** The highlight (?from&to, offsets into the source text) or the segment (?seg) a citation link asks for; bad values are ignored. */
function readSourceOptions(c: Context<WebEnv>, textLength: number): SourceViewOptions {
  const from = Number(c.req.query("from"));
  const to = Number(c.req.query("to"));
  const valid = Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= textLength;
  return { highlight: valid ? { from, to } : null, focusSegmentId: c.req.query("seg") ?? null };
}
