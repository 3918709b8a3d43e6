import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { SectionKeySchema } from "../../domain/sections.ts";
import { MAX_QUOTE_LENGTH } from "../../grounding/verify-quote.ts";
import { addItem, MAX_STATEMENT_LENGTH, reviewItem } from "../../services/review-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { QuoteCheckSchema, StoredItemSchema } from "../schemas/draft-schemas.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter, DealPathSchema } from "../schemas/path-parameters.ts";

const StatementSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_STATEMENT_LENGTH, `at most ${MAX_STATEMENT_LENGTH} characters`);

const ItemPatchSchema = z
  .object({
    status: z.enum(["approved", "rejected", "draft"]).optional(),
    statement: StatementSchema.optional(),
    section: SectionKeySchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "give at least one of status, statement and section")
  .describe('a changed statement or section makes the status "edited" unless "rejected" is given')
  .openapi("ItemPatch", { minProperties: 1 });

const NewItemSchema = z
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
  })
  .describe(
    "an item the sources lack; a quote is checked against the deal's sources like POST /verify, sourceId and segmentId " +
      "(only with a quote; segmentId only with sourceId) say where to look first",
  )
  .openapi("ItemInput");

const reviewRoute = defineRoute({
  method: "patch",
  path: "/v1/deals/{dealId}/items/{itemId}",
  tag: "Review",
  summary: "Approve, reject, or edit an item's statement or section",
  description: "An item waiting for a citation check (needsChecking) can only be rejected or left in draft: 409 otherwise.",
  access: { deal: "edit" },
  request: {
    params: z.object({ dealId: DealIdParameter, itemId: z.string().max(64).describe("the item's id") }),
    body: { required: true, content: { "application/json": { schema: ItemPatchSchema } } },
  },
  responses: { 200: jsonContent(z.object({ item: StoredItemSchema }), "the item after review") },
  errors: [409],
});

const addRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/items",
  tag: "Review",
  summary: "Add an item the sources lack, marked as provided by the AE",
  description:
    'The item is approved, with origin "ae" and the flag "ae-provided". With a quote it is checked against the deal\'s sources: ' +
    'a verified quote becomes its citation; an unverified one adds the flag "quote-unverified" and no citation. ' +
    "400 for a sourceId the deal lacks.",
  access: { deal: "edit" },
  request: { params: DealPathSchema, body: { required: true, content: { "application/json": { schema: NewItemSchema } } } },
  responses: {
    201: jsonContent(
      z.object({ item: StoredItemSchema, quoteCheck: QuoteCheckSchema.nullable() }),
      "the new item, and how its quote checked (null without a quote)",
    ),
  },
});

/** Per-item review of a deal's draft: approve, edit, reject, or add an item the sources lack. */
export function registerItemRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(reviewRoute, (c) => {
    const { dealId, itemId } = c.req.valid("param");
    return c.json({ item: reviewItem(deps, actorOf(c), dealId, itemId, c.req.valid("json")) }, 200);
  });
  app.openapi(addRoute, (c) => c.json(addItem(deps, actorOf(c), c.req.valid("param").dealId, c.req.valid("json")), 201));
}
