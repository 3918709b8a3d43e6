import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { Deal } from "../storage/deal-repository.ts";
import { runInTransaction } from "../storage/open-database.ts";
import type { StoredVersion } from "../storage/version-repository.ts";
import { buildHandoffDocument, draftMatchesVersion } from "./build-handoff-document.ts";
import { loadDealDraft } from "./load-deal-draft.ts";

type ApprovalOutcome = { created: boolean; version: StoredVersion };

type ApprovalDeps = Pick<AppDeps, "db" | "items" | "sources" | "runs" | "gapAnswers" | "versions" | "config" | "now">;

/**
 * Approves the deal's current draft and freezes it as the next version (see the README, "Review, approval and versions").
 * Items still in "draft" are approved by this act and recorded as such; rejected and needs-checking items are left out.
 * When nothing changed since the latest version, that version is returned and no new one is made.
 */
export function approveHandoff(deps: ApprovalDeps, deal: Deal, approvedBy: string): ApprovalOutcome {
  return runInTransaction(deps.db, () => {
    const draft = loadDealDraft(deps, deal.id, { kind: deps.config.extractor });
    const latest = deps.versions.latest(deal.id);
    if (latest !== undefined && draftMatchesVersion(deal, draft, latest.document)) return { created: false, version: latest };
    const now = deps.now();
    const document = buildHandoffDocument(deal, draft, {
      version: (latest?.version ?? 0) + 1,
      approvedBy,
      approvedAt: now.toISOString(),
    });
    if (document.items.length === 0 && document.gapAnswers.length === 0) {
      throw new AppError({
        code: "CONFLICT",
        message: "nothing to approve: the draft has no accepted items and no gap answers",
      });
    }
    // The stored items take the status the frozen document gives them, so the draft and the version agree.
    for (const itemId of document.implicitlyApprovedItemIds) {
      deps.items.review(deal.id, itemId, { status: "approved", reviewedBy: approvedBy }, now);
    }
    return { created: true, version: deps.versions.add(deal.id, document) };
  });
}
