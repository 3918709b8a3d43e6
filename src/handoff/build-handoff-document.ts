import type { Citation, ExtractorInfo } from "../drafting/draft.ts";
import type { SectionKey } from "../drafting/sections.ts";
import type { Deal } from "../storage/deal-repository.ts";
import type { StoredItem } from "../storage/item-repository.ts";
import type { DealDraft } from "./load-deal-draft.ts";

/** An item as an approved handoff states it: reviewed, with verified citations only. */
export type HandoffItem = {
  id: string;
  section: SectionKey;
  statement: string;
  /** "edited" means approved in the AE's own wording; `extractedStatement` keeps the extractor's. */
  status: "approved" | "edited";
  origin: "extracted" | "ae";
  /** Added by the AE, not found by extraction: provided by the AE even when a verified quote supports it. */
  providedByAe: boolean;
  /** Verified citations only (exact, normalized or fuzzy); an unverified quote is never shown as a citation. */
  citations: Citation[];
  details: Record<string, unknown>;
  flags: string[];
  /** The extractor's statement when the AE reworded an extracted item; null otherwise. */
  extractedStatement: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

/** What approving a handoff freezes: read by the CSM brief and the reports, never changed once stored. */
export type HandoffDocument = {
  version: number;
  dealId: string;
  approvedBy: string;
  approvedAt: string;
  deal: Pick<Deal, "id" | "account" | "closeDate" | "amount" | "currency" | "aeId" | "csmId">;
  /** Items not rejected and not waiting for a citation check, in section order. */
  items: HandoffItem[];
  /** The AE's answers to sections the sources left empty: provided by the AE, not sourced. */
  gapAnswers: { section: SectionKey; question: string; answer: string; answeredBy: string; answeredAt: string }[];
  /** Sections still empty and unanswered at approval. */
  gaps: { section: SectionKey; question: string }[];
  completeness: DealDraft["completeness"];
  sources: DealDraft["sources"];
  extractor: ExtractorInfo;
  /** Items still in "draft" that this approval approved on the AE's behalf. */
  implicitlyApprovedItemIds: string[];
  /** What the approval left out: items the AE rejected, items whose every citation failed verification. */
  excluded: { rejectedItemIds: string[]; needsCheckingItemIds: string[] };
};

export type Approval = { version: number; approvedBy: string; approvedAt: string };

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
              question: gap.question,
              answer: gap.answer.answer,
              answeredBy: gap.answer.answeredBy,
              answeredAt: gap.answer.answeredAt,
            },
          ],
    ),
    gaps: draft.gaps.filter((gap) => gap.answer === undefined).map((gap) => ({ section: gap.section, question: gap.question })),
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
    gapAnswers: document.gapAnswers.map((answer) => [answer.section, answer.answer]),
    gaps: document.gaps.map((gap) => gap.section),
    sources: document.sources.map((source) => source.id),
    excluded: document.excluded,
  });
}
