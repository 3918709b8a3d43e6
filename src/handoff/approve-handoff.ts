import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import type { Deal } from "../domain/deal.ts";
import type { GapAnswerRepository } from "../storage/gap-answer-repository.ts";
import type { ItemRepository } from "../storage/item-repository.ts";
import { type Database, runInTransaction } from "../storage/open-database.ts";
import type { RunRepository } from "../storage/run-repository.ts";
import type { SourceRepository } from "../storage/source-repository.ts";
import type { StoredVersion, VersionRepository } from "../storage/version-repository.ts";
import { buildHandoffDocument, draftMatchesVersion } from "./build-handoff-document.ts";
import { loadDealDraft } from "./load-deal-draft.ts";

export type ApprovalOutcome = { created: boolean; version: StoredVersion };

type ApprovalDeps = {
  db: Database;
  items: ItemRepository;
  sources: SourceRepository;
  runs: RunRepository;
  gapAnswers: GapAnswerRepository;
  versions: VersionRepository;
  config: Pick<Config, "extractor">;
  now: () => Date;
};

/**
 * Approves the deal's current draft and freezes it as the next version (see the README, "Review, approval and versions").
 * Items still in "draft" are approved by this act and recorded as such; rejected and needs-checking items are left out.
 * When nothing changed since the latest version, that version is returned and no new one is made.
 */
export function approveHandoff(deps: ApprovalDeps, deal: Deal, approvedBy: string): ApprovalOutcome {
  return runInTransaction(deps.db, () => {
    const draft = loadDealDraft(deps, deal, { kind: deps.config.extractor });
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
