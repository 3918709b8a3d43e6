import type { AppDeps } from "../deps.ts";
import { draftMatchesVersion } from "../handoff/build-handoff-document.ts";
import { loadDealDraft } from "../handoff/load-deal-draft.ts";
import type { Deal } from "../domain/deal.ts";
import type { DealSummary } from "../storage/deal-summary-repository.ts";

/** Where a deal stands, from "no sources yet" to "approved"; the deals list filters on it. */
export const DEAL_STATES = {
  "no-sources": { label: "No sources", tone: "neutral" },
  "not-extracted": { label: "Not extracted", tone: "neutral" },
  extracting: { label: "Extracting", tone: "info" },
  "extraction-failed": { label: "Extraction failed", tone: "danger" },
  "in-review": { label: "In review", tone: "attention" },
  approved: { label: "Approved", tone: "success" },
  changed: { label: "Changed since approval", tone: "attention" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

export type Tone = "neutral" | "info" | "attention" | "success" | "danger" | "done";
export type DealStateKey = keyof typeof DEAL_STATES;
export const DEAL_STATE_KEYS = Object.keys(DEAL_STATES) as DealStateKey[];

/** The state a summary shows; `approvedDraft` says whether the current draft is still the latest approved version. */
export function dealStateOf(summary: DealSummary, approvedDraft: boolean): DealStateKey {
  if (summary.sourceCount === 0) return "no-sources";
  if (summary.lastRunStatus === "queued" || summary.lastRunStatus === "running") return "extracting";
  if (summary.lastRunStatus === "failed") return "extraction-failed";
  if (summary.latestVersion !== null) return approvedDraft ? "approved" : "changed";
  if (summary.lastRunStatus === null) return "not-extracted";
  return "in-review";
}

/** Whether the deal's current draft is exactly its latest approved version (false when there is none). */
export function isDraftApproved(
  deps: Pick<AppDeps, "items" | "sources" | "runs" | "gapAnswers" | "versions" | "config">,
  deal: Deal,
): boolean {
  const latest = deps.versions.latest(deal.id);
  if (latest === undefined) return false;
  return draftMatchesVersion(deal, loadDealDraft(deps, deal, { kind: deps.config.extractor }), latest.document);
}
