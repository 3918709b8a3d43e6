import type { AppDeps } from "../deps.ts";
import type { DealDraft } from "../domain/deal-draft.ts";
import type { ExpectedVersion } from "../domain/expected-version.ts";
import type { Deal } from "../domain/deal.ts";
import { type GapId, gapIdOf, sectionOfGap } from "../domain/gap-id.ts";
import { AppError } from "../errors.ts";
import { type DealDraftStores, loadDealDraft } from "../handoff/load-deal-draft.ts";
import { runInTransaction } from "../storage/open-database.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";
import { checkExpectedVersion } from "./check-expected-version.ts";

/** Longest answer an AE may give to a gap question. */
export const MAX_GAP_ANSWER_LENGTH = 2000;

/** The version of a gap that has no answer: If-Match "0" answers it only while nobody has. */
export const UNANSWERED_GAP_VERSION = 0;

type GapDeps = Pick<AppDeps, "db" | "deals" | "config"> & DealDraftStores & AuditDeps;

/**
 * Answers a gap by its id (a section with no item that is not rejected, or a contract field no source or the deal
 * states: accountOverview.<field>); a gap the draft does not have is a CONFLICT. With
 * `expected`, only if the answer is still at a version the AE read (0: still unanswered), checked in the transaction
 * that writes.
 */
export function answerGap(
  deps: GapDeps,
  actor: Actor,
  dealId: string,
  gapId: GapId,
  answer: string,
  expected?: ExpectedVersion,
): { gap: DealDraft["gaps"][number]; completeness: DealDraft["completeness"] } {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  runInTransaction(deps.db, () => {
    checkExpectedVersion(expected, gapVersion(deps, deal.id, gapId), "the answer to this gap");
    if (!currentDraft(deps, deal).gaps.some((gap) => gapIdOf(gap) === gapId)) {
      throw new AppError({
        code: "CONFLICT",
        message:
          gapId === sectionOfGap(gapId)
            ? `section ${gapId} already has items: edit them or add an item instead of answering a gap`
            : `${gapId} is already stated in the sources or on the deal: edit that item or the deal instead of answering a gap`,
      });
    }
    deps.gapAnswers.set(deal.id, gapId, answer, actor.user.id, deps.now());
  });
  recordAudit(deps, actor, { action: "change", objectType: "gap_answer", objectId: gapId, dealId: deal.id });
  const draft = currentDraft(deps, deal);
  return { gap: draft.gaps.find((gap) => gapIdOf(gap) === gapId)!, completeness: draft.completeness };
}

/** Withdraws the answer to a gap; with `expected`, only if it is still the version the AE read. */
export function clearGapAnswer(
  deps: Pick<AppDeps, "db" | "deals" | "gapAnswers"> & AuditDeps,
  actor: Actor,
  dealId: string,
  gapId: GapId,
  expected?: ExpectedVersion,
): void {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  runInTransaction(deps.db, () => {
    checkExpectedVersion(expected, gapVersion(deps, deal.id, gapId), "the answer to this gap");
    if (!deps.gapAnswers.clear(deal.id, gapId)) {
      throw new AppError({
        code: "NOT_FOUND",
        message: `no answer to remove for ${gapId === sectionOfGap(gapId) ? "section " : ""}${gapId}`,
      });
    }
  });
  recordAudit(deps, actor, { action: "delete", objectType: "gap_answer", objectId: gapId, dealId: deal.id });
}

/** The version of a gap's answer; UNANSWERED_GAP_VERSION while it has none. */
export function gapVersion(deps: Pick<AppDeps, "gapAnswers">, dealId: string, gapId: GapId): number {
  return deps.gapAnswers.get(dealId, gapId)?.version ?? UNANSWERED_GAP_VERSION;
}

function currentDraft(deps: Pick<AppDeps, "config"> & DealDraftStores, deal: Deal): DealDraft {
  return loadDealDraft(deps, deal, { kind: deps.config.extractor });
}
