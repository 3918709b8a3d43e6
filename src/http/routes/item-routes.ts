import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import type { DraftItem, ItemStatus } from "../../domain/item.ts";
import { SectionKeySchema } from "../../domain/sections.ts";
import { AppError } from "../../errors.ts";
import { groundAeQuote } from "../../handoff/ground-ae-quote.ts";
import { MAX_QUOTE_LENGTH } from "../../grounding/verify-quote.ts";
import type { StoredItem } from "../../domain/stored-item.ts";
import { newId } from "../../storage/new-id.ts";
import { runInTransaction } from "../../storage/open-database.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

/** Longest statement an AE may write: a handoff item is one or two sentences (extracted ones are capped at 400). */
export const MAX_STATEMENT_LENGTH = 1000;

/** Flags of AE-added items: always "ae-provided"; "quote-unverified" when the quote given was not found in the sources. */
export const AE_PROVIDED_FLAG = "ae-provided";
export const QUOTE_UNVERIFIED_FLAG = "quote-unverified";

const StatementSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_STATEMENT_LENGTH, `at most ${MAX_STATEMENT_LENGTH} characters`);

export const ItemPatchSchema = z
  .object({
    status: z.enum(["approved", "rejected", "draft"]).optional(),
    statement: StatementSchema.optional(),
    section: SectionKeySchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "give at least one of status, statement and section");

export const NewItemSchema = z
  .object({
    section: SectionKeySchema,
    statement: StatementSchema,
    quote: z.string().trim().min(1, "must not be empty").max(MAX_QUOTE_LENGTH, `at most ${MAX_QUOTE_LENGTH} characters`).optional(),
    sourceId: z.string().max(64).optional(),
    segmentId: z.string().max(200).optional(),
  })
  .strict()
  .refine((input) => input.quote !== undefined || (input.sourceId === undefined && input.segmentId === undefined), {
    message: "sourceId and segmentId locate a quote: give the quote too",
    path: ["quote"],
  })
  .refine((input) => input.segmentId === undefined || input.sourceId !== undefined, {
    message: "segmentId needs the sourceId it belongs to",
    path: ["sourceId"],
  });

/**
 * The status a review leaves: rejecting wins; any change of wording or section makes the item "edited";
 * approving an edited item keeps it "edited" (approved in the AE's words).
 */
export function reviewedStatus(item: StoredItem, requested: ItemStatus | undefined, changed: boolean): ItemStatus {
  if (requested === "rejected") return "rejected";
  if (changed) return "edited";
  if (requested === "approved" && item.status === "edited") return "edited";
  return requested ?? item.status;
}

/** Per-item review of a deal's draft: approve, edit, reject, or add an item the sources lack. */
export function createItemRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.patch("/:dealId/items/:itemId", async (c) => {
    const deal = loadDeal(c, deps, "edit");
    const patch = await readJsonBody(c, ItemPatchSchema);
    const item = deps.items.get(deal.id, c.req.param("itemId"));
    if (item === undefined) throw new AppError({ code: "NOT_FOUND", message: "item not found in this deal" });
    const changed =
      (patch.statement !== undefined && patch.statement !== item.statement) ||
      (patch.section !== undefined && patch.section !== item.section);
    const status = reviewedStatus(item, patch.status, changed);
    if (item.needsChecking && status !== "rejected" && status !== "draft") {
      throw new AppError({
        code: "CONFLICT",
        message: "this item has no verified citation and cannot be approved or edited: reject it, or add the fact as your own item",
      });
    }
    const reviewed = deps.items.review(
      deal.id,
      item.id,
      {
        status,
        reviewedBy: c.get("user").id,
        ...(patch.statement === undefined ? {} : { statement: patch.statement }),
        ...(patch.section === undefined ? {} : { section: patch.section }),
      },
      deps.now(),
    );
    recordAudit(c, deps, { action: "change", objectType: "item", objectId: item.id, dealId: deal.id });
    return c.json({ item: reviewed });
  });

  routes.post("/:dealId/items", async (c) => {
    const deal = loadDeal(c, deps, "edit");
    const input = await readJsonBody(c, NewItemSchema);
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
    const user = c.get("user");
    const stored = runInTransaction(deps.db, () => {
      deps.items.addIfNew(deal.id, [{ item, needsChecking: false }], null, deps.now());
      // Adding is the AE's own decision: the item is reviewed by its author.
      return deps.items.review(deal.id, item.id, { status: "approved", reviewedBy: user.id }, deps.now());
    });
    recordAudit(c, deps, { action: "create", objectType: "item", objectId: item.id, dealId: deal.id });
    const quoteCheck = check === null ? null : { match: check.match, ...(check.reason === undefined ? {} : { reason: check.reason }) };
    return c.json({ item: stored, quoteCheck }, 201);
  });

  return routes;
}
