import type { AppDeps } from "../deps.ts";
import type { CachedBrief } from "../handoff/brief-cache.ts";
import { buildBrief } from "../drafting/build-brief.ts";
import { renderBriefMarkdown } from "../drafting/render-brief-markdown.ts";
import { loadBriefInput } from "../handoff/load-brief-input.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";

type BriefDeps = Pick<AppDeps, "deals" | "items" | "gapAnswers" | "versions" | "users" | "briefCache" | "tracking"> & AuditDeps;

/** The CSM's pre-kickoff brief, rendered as JSON or Markdown, from the cache while the deal is unchanged. */
export function readBrief(deps: BriefDeps, actor: Actor, dealId: string, format: "json" | "md"): CachedBrief {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const body = deps.briefCache.get(deal, format, () => {
    const brief = buildBrief(loadBriefInput(deps, deal));
    return format === "md" ? renderBriefMarkdown(brief) : JSON.stringify(brief);
  });
  recordAudit(deps, actor, { action: "export", objectType: "brief", objectId: deal.id, dealId: deal.id });
  return body;
}
