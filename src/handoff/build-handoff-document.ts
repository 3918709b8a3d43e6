import { gapIdOf } from "../domain/gap-id.ts";
import type { Approval, HandoffDocument, HandoffItem } from "../domain/handoff-document.ts";
import type { Deal } from "../domain/deal.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import type { DealDraft } from "../domain/deal-draft.ts";

/**
 * Builds the document an approval freezes from the current draft. Items still in "draft" are approved
 * by the approval itself (listed in implicitlyApprovedItemIds); rejected and needs-checking items are left out.
 */
export function buildHandoffDocument(deal: Deal, draft: DealDraft, approval: Approval): HandoffDocument {
  const included = draft.items.filter((item) => item.status !== "rejected");
  const implicit = included.filter((item) => item.status === "draft").map((item) => item.id);
  return {
    version: approval.version,
    dealId: deal.id,
    approvedBy: approval.approvedBy,
    approvedAt: approval.approvedAt,
    deal: {
      id: deal.id,
      account: deal.account,
      closeDate: deal.closeDate,
      amount: deal.amount,
      currency: deal.currency,
      aeId: deal.aeId,
      csmId: deal.csmId,
    },
    items: included.map((item) => toHandoffItem(item, approval)),
    gapAnswers: draft.gaps.flatMap((gap) =>
      gap.answer === undefined
        ? []
        : [
            {
              section: gap.section,
              ...(gap.answer.gapId === undefined ? {} : { gapId: gap.answer.gapId }),
              question: gap.question,
              answer: gap.answer.answer,
              answeredBy: gap.answer.answeredBy,
              answeredAt: gap.answer.answeredAt,
            },
          ],
    ),
    gaps: draft.gaps
      .filter((gap) => gap.answer === undefined)
      .map((gap) => ({ ...(gap.id === undefined ? {} : { id: gap.id }), section: gap.section, question: gap.question })),
    completeness: draft.completeness,
    sources: draft.sources,
    extractor: draft.extractor,
    implicitlyApprovedItemIds: implicit,
    excluded: {
      rejectedItemIds: draft.items.filter((item) => item.status === "rejected").map((item) => item.id),
      needsCheckingItemIds: draft.needsChecking.map((item) => item.id),
    },
  };
}

/**
 * Whether the current draft is exactly what a version froze (no item left in "draft", same items, wording,
 * citations, answers, sources and deal facts). False means the draft changed since: a new approval is needed.
 */
export function draftMatchesVersion(deal: Deal, draft: DealDraft, document: HandoffDocument): boolean {
  const candidate = buildHandoffDocument(deal, draft, document);
  return candidate.implicitlyApprovedItemIds.length === 0 && contentKey(candidate) === contentKey(document);
}

function toHandoffItem(item: StoredItem, approval: Approval): HandoffItem {
  const implicit = item.status === "draft";
  return {
    id: item.id,
    section: item.section,
    statement: item.statement,
    status: item.status === "edited" ? "edited" : "approved",
    origin: item.origin ?? "extracted",
    providedByAe: item.origin === "ae",
    citations: item.citations.filter((citation) => citation.match !== "unverified"),
    details: item.details ?? {},
    flags: item.flags ?? [],
    extractedStatement: item.origin === "ae" ? null : item.extractedStatement,
    reviewedBy: implicit ? approval.approvedBy : item.reviewedBy,
    reviewedAt: implicit ? approval.approvedAt : item.reviewedAt,
  };
}

// Who reviewed or answered when is left out: re-saving the same decision does not make a new version.
function contentKey(document: HandoffDocument): string {
  return JSON.stringify({
    deal: document.deal,
    items: document.items.map(({ reviewedBy: _by, reviewedAt: _at, ...content }) => content),
    gapAnswers: document.gapAnswers.map((answer) => [answer.gapId ?? answer.section, answer.answer]),
    gaps: document.gaps.map(gapIdOf),
    sources: document.sources.map((source) => source.id),
    excluded: document.excluded,
  });
}
