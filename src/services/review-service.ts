import type { AppDeps } from "../deps.ts";
import { applyDetailsPatch, type DetailsPatch, detailsPatchSchema } from "../domain/editable-details.ts";
import type { DraftItem, ItemStatus } from "../domain/item.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { Deal } from "../domain/deal.ts";
import { AppError } from "../errors.ts";
import { type AeQuoteCheck, groundAeQuote } from "../handoff/ground-ae-quote.ts";
import type { DealDraft } from "../domain/deal-draft.ts";
import { type DealDraftStores, loadDealDraft } from "../handoff/load-deal-draft.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import { newId } from "../storage/new-id.ts";
import { runInTransaction } from "../storage/open-database.ts";
import { parseInput } from "../parse-input.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";
import { checkExpectedVersion, staleVersion } from "./check-expected-version.ts";
import type { ExpectedVersion } from "../domain/expected-version.ts";

/** Longest statement an AE may write: a handoff item is one or two sentences (extracted ones are capped at 400). */
export const MAX_STATEMENT_LENGTH = 1000;

// Flags of AE-added items: always "ae-provided"; "quote-unverified" when the quote given was not found in the sources.
const AE_PROVIDED_FLAG = "ae-provided";
const QUOTE_UNVERIFIED_FLAG = "quote-unverified";

type DraftDeps = Pick<AppDeps, "deals" | "config"> & DealDraftStores;

export type ItemPatch = {
  status?: "approved" | "rejected" | "draft";
  statement?: string;
  section?: SectionKey;
  /** Structured details of the item's section (stakeholder role, promise owner…); null clears one. */
  details?: DetailsPatch;
};

export type NewItem = { section: SectionKey; statement: string; quote?: string; sourceId?: string; segmentId?: string };

/** How the quote of an item the AE adds was checked; null when no quote was given. */
export type QuoteCheck = { match: AeQuoteCheck["match"]; reason?: string } | null;

/** The deal's current draft: items with citations and review status, items needing a check, gaps. */
export function readDraft(deps: DraftDeps & AuditDeps, actor: Actor, dealId: string): DealDraft {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const draft = currentDraft(deps, deal);
  recordAudit(deps, actor, { action: "view", objectType: "draft", objectId: deal.id, dealId: deal.id });
  return draft;
}

/**
 * The status a review leaves: rejecting wins; any change of wording or section makes the item "edited";
 * approving an edited item keeps it "edited" (approved in the AE's words).
 */
function reviewedStatus(item: StoredItem, requested: ItemStatus | undefined, changed: boolean): ItemStatus {
  if (requested === "rejected") return "rejected";
  if (changed) return "edited";
  if (requested === "approved" && item.status === "edited") return "edited";
  return requested ?? item.status;
}

/** One item of the deal, with its version (the ETag a review sends back in If-Match). */
export function readItem(deps: Pick<AppDeps, "deals" | "items"> & AuditDeps, actor: Actor, dealId: string, itemId: string): StoredItem {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const item = deps.items.get(deal.id, itemId);
  if (item === undefined) throw new AppError({ code: "NOT_FOUND", message: "item not found in this deal" });
  recordAudit(deps, actor, { action: "view", objectType: "item", objectId: item.id, dealId: deal.id });
  return item;
}

/**
 * Approves, rejects or rewords one item; an item without a verified citation may only be rejected or left in draft.
 * With `expected`, only if the item is still at a version the reviewer read (PRECONDITION_FAILED otherwise): the
 * check and the write are one transaction, so of concurrent reviews of one version exactly one is written.
 */
export function reviewItem(
  deps: Pick<AppDeps, "db" | "deals" | "items"> & AuditDeps,
  actor: Actor,
  dealId: string,
  itemId: string,
  patch: ItemPatch,
  expected?: ExpectedVersion,
): StoredItem {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  const reviewed = runInTransaction(deps.db, () => {
    const item = deps.items.get(deal.id, itemId);
    if (item === undefined) throw new AppError({ code: "NOT_FOUND", message: "item not found in this deal" });
    checkExpectedVersion(expected, item.version, "the item");
    return writeReview(deps, actor, deal.id, item, patch);
  });
  recordAudit(deps, actor, { action: "change", objectType: "item", objectId: reviewed.id, dealId: deal.id });
  return reviewed;
}

/** The review's write, from the item as read; the status is decided from that same version. */
function writeReview(deps: Pick<AppDeps, "items" | "now">, actor: Actor, dealId: string, item: StoredItem, patch: ItemPatch): StoredItem {
  const section = patch.section ?? item.section;
  const details = patch.details === undefined ? undefined : readDetailsPatch(section, patch.details, item.details ?? {});
  const changed =
    (patch.statement !== undefined && patch.statement !== item.statement) ||
    (patch.section !== undefined && patch.section !== item.section) ||
    (details !== undefined && JSON.stringify(details) !== JSON.stringify(item.details ?? {}));
  const status = reviewedStatus(item, patch.status, changed);
  if (item.needsChecking && status !== "rejected" && status !== "draft") {
    throw new AppError({
      code: "CONFLICT",
      message: "this item has no verified citation and cannot be approved or edited: reject it, or add the fact as your own item",
    });
  }
  const reviewed = deps.items.review(
    dealId,
    item.id,
    {
      status,
      reviewedBy: actor.user.id,
      ...(patch.statement === undefined ? {} : { statement: patch.statement }),
      ...(patch.section === undefined ? {} : { section: patch.section }),
      ...(details === undefined ? {} : { details }),
    },
    deps.now(),
    item.version,
  );
  // Inside the transaction nobody else writes; another process's write would show here as a changed version.
  if (reviewed === undefined) throw staleVersion(deps.items.get(dealId, item.id)?.version ?? item.version, "the item");
  return reviewed;
}

/** The item's details after the patch, which may only name the editable keys of the item's section. */
function readDetailsPatch(section: SectionKey, patch: DetailsPatch, details: Record<string, unknown>): Record<string, unknown> {
  const schema = detailsPatchSchema(section);
  const unknown = Object.keys(patch).filter((key) => !(key in schema.shape));
  if (unknown.length > 0) {
    throw new AppError({ code: "INVALID_INPUT", message: `details.${unknown[0]}: not editable in section ${section}` });
  }
  return applyDetailsPatch(details, parseInput(schema, patch, "details") as DetailsPatch);
}

/**
 * Approves every item of a section the AE has not reviewed yet (in draft, with a verified citation);
 * items already reviewed and items waiting for a citation check are left as they are.
 */
export function approveSection(
  deps: Pick<AppDeps, "db" | "deals" | "items"> & AuditDeps,
  actor: Actor,
  dealId: string,
  section: SectionKey,
): StoredItem[] {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  // Read and written in one transaction: an item reviewed meanwhile is not in draft any more and is left alone.
  const approved = runInTransaction(deps.db, () =>
    deps.items
      .list(deal.id)
      .filter((item) => item.section === section && item.status === "draft" && !item.needsChecking)
      .map((item) => deps.items.review(deal.id, item.id, { status: "approved", reviewedBy: actor.user.id }, deps.now(), item.version)!),
  );
  for (const item of approved) recordAudit(deps, actor, { action: "approve", objectType: "item", objectId: item.id, dealId: deal.id });
  return approved;
}

/**
 * Checks a quote the AE means to cite for an item of their own, exactly as adding the item would, storing nothing:
 * the page checks it while the AE types.
 */
export function checkAeQuote(
  deps: Pick<AppDeps, "deals" | "sources">,
  actor: Actor,
  dealId: string,
  input: { quote: string; sourceId?: string | undefined; segmentId?: string | undefined },
): { match: AeQuoteCheck["match"]; reason?: string; citation: AeQuoteCheck["citation"] } {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  if (input.sourceId !== undefined && deps.sources.getMeta(deal.id, input.sourceId) === undefined) {
    throw new AppError({ code: "INVALID_INPUT", message: "sourceId: no source with this id in this deal" });
  }
  const check = groundAeQuote(deps.sources.listParsed(deal.id), input.quote, { sourceId: input.sourceId, segmentId: input.segmentId });
  return { match: check.match, ...(check.reason === undefined ? {} : { reason: check.reason }), citation: check.citation };
}

/**
 * Adds an item the sources lack: approved, origin "ae", flagged "ae-provided". A quote is checked against the deal's
 * sources: verified, it becomes the citation; not, the item is kept without one and flagged "quote-unverified".
 */
export function addItem(
  deps: Pick<AppDeps, "db" | "deals" | "items" | "sources"> & AuditDeps,
  actor: Actor,
  dealId: string,
  input: NewItem,
): { item: StoredItem; quoteCheck: QuoteCheck } {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  if (input.sourceId !== undefined && deps.sources.getMeta(deal.id, input.sourceId) === undefined) {
    throw new AppError({ code: "INVALID_INPUT", message: "sourceId: no source with this id in this deal" });
  }
  const check =
    input.quote === undefined
      ? null
      : groundAeQuote(deps.sources.listParsed(deal.id), input.quote, { sourceId: input.sourceId, segmentId: input.segmentId });
  const item: DraftItem = {
    id: newId("itm"),
    section: input.section,
    statement: input.statement,
    citations: check?.citation ? [check.citation] : [],
    status: "approved",
    details: {},
    origin: "ae",
    flags: check !== null && check.citation === null ? [AE_PROVIDED_FLAG, QUOTE_UNVERIFIED_FLAG] : [AE_PROVIDED_FLAG],
  };
  const stored = runInTransaction(deps.db, () => {
    deps.items.addIfNew(deal.id, [{ item, needsChecking: false }], null, deps.now());
    // Adding is the AE's own decision: the item is reviewed by its author.
    return deps.items.review(deal.id, item.id, { status: "approved", reviewedBy: actor.user.id }, deps.now())!;
  });
  recordAudit(deps, actor, { action: "create", objectType: "item", objectId: item.id, dealId: deal.id });
  const quoteCheck = check === null ? null : { match: check.match, ...(check.reason === undefined ? {} : { reason: check.reason }) };
  return { item: stored, quoteCheck };
}

function currentDraft(deps: Pick<AppDeps, "config"> & DealDraftStores, deal: Deal): DealDraft {
  return loadDealDraft(deps, deal, { kind: deps.config.extractor });
}
