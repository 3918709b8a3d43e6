import type { AppDeps } from "../deps.ts";
import type { DealDraft } from "../domain/deal-draft.ts";
import type { ExpectedVersion } from "../domain/expected-version.ts";
import type { SectionKey } from "../domain/sections.ts";
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
 * Answers a gap (a section with no item that is not rejected); a section that has items is a CONFLICT. With
 * `expected`, only if the answer is still at a version the AE read (0: still unanswered), checked in the transaction
 * that writes.
 */
export function answerGap(
  deps: GapDeps,
  actor: Actor,
  dealId: string,
  section: SectionKey,
  answer: string,
  expected?: ExpectedVersion,
): { gap: DealDraft["gaps"][number]; completeness: DealDraft["completeness"] } {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  runInTransaction(deps.db, () => {
    checkExpectedVersion(expected, gapVersion(deps, deal.id, section), "the answer to this gap");
    if (!currentDraft(deps, deal.id).gaps.some((gap) => gap.section === section)) {
      throw new AppError({
        code: "CONFLICT",
        message: `section ${section} already has items: edit them or add an item instead of answering a gap`,
      });
    }
    deps.gapAnswers.set(deal.id, section, answer, actor.user.id, deps.now());
  });
  recordAudit(deps, actor, { action: "change", objectType: "gap_answer", objectId: section, dealId: deal.id });
  const draft = currentDraft(deps, deal.id);
  return { gap: draft.gaps.find((gap) => gap.section === section)!, completeness: draft.completeness };
}

/** Withdraws the answer to a gap; with `expected`, only if it is still the version the AE read. */
export function clearGapAnswer(
  deps: Pick<AppDeps, "db" | "deals" | "gapAnswers"> & AuditDeps,
  actor: Actor,
  dealId: string,
  section: SectionKey,
  expected?: ExpectedVersion,
): void {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  runInTransaction(deps.db, () => {
    checkExpectedVersion(expected, gapVersion(deps, deal.id, section), "the answer to this gap");
    if (!deps.gapAnswers.clear(deal.id, section)) {
      throw new AppError({ code: "NOT_FOUND", message: `no answer to remove for section ${section}` });
    }
  });
  recordAudit(deps, actor, { action: "delete", objectType: "gap_answer", objectId: section, dealId: deal.id });
}

/** The version of a gap's answer; UNANSWERED_GAP_VERSION while it has none. */
export function gapVersion(deps: Pick<AppDeps, "gapAnswers">, dealId: string, section: SectionKey): number {
  return deps.gapAnswers.get(dealId, section)?.version ?? UNANSWERED_GAP_VERSION;
}

function currentDraft(deps: Pick<AppDeps, "config"> & DealDraftStores, dealId: string): DealDraft {
  return loadDealDraft(deps, dealId, { kind: deps.config.extractor });
}
