import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { CitationSchema } from "../../domain/citation.ts";
import { EDITABLE_DETAILS, STAKEHOLDER_ROLES, STANCES } from "../../domain/editable-details.ts";
import { SECTION_KEYS, SectionKeySchema } from "../../domain/sections.ts";
import { MAX_QUOTE_LENGTH } from "../../grounding/verify-quote.ts";
import { addItem, approveSection, checkAeQuote, MAX_STATEMENT_LENGTH, readItem, reviewItem } from "../../services/review-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { formatEntityTag, readIfMatch } from "../entity-tag.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { QuoteCheckSchema, StoredItemSchema } from "../schemas/draft-schemas.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter, DealPathSchema } from "../schemas/path-parameters.ts";
import { ETAG_HEADER, IF_MATCH_SENTENCE, IfMatchHeadersSchema } from "../schemas/precondition-schemas.ts";

const ItemPathSchema = z.object({ dealId: DealIdParameter, itemId: z.string().max(64).describe("the item's id") });

const StatementSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_STATEMENT_LENGTH, `at most ${MAX_STATEMENT_LENGTH} characters`);

// Every editable detail of any section; the service refuses a key the item's section does not have (400).
const DetailsPatchSchema = z
  .object({
    role: z.enum(STAKEHOLDER_ROLES).nullable().optional().describe("stakeholders"),
    stance: z.enum(STANCES).nullable().optional().describe("stakeholders"),
    title: EDITABLE_DETAILS.stakeholders.title.nullable().optional().describe("stakeholders"),
    email: z.email().max(320).nullable().optional().describe("stakeholders"),
    promisedBy: EDITABLE_DETAILS.promises.promisedBy.nullable().optional().describe("promises: who promised"),
    owner: EDITABLE_DETAILS.nextSteps.owner.nullable().optional().describe("nextSteps: who does it"),
    dueDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
      .nullable()
      .optional()
      .describe("promises and nextSteps: YYYY-MM-DD"),
  })
  .strict()
  .describe(
    "structured details the AE sets by hand, only those of the item's section (stakeholders: role, stance, title, email; " +
      "promises: promisedBy, dueDate; nextSteps: owner, dueDate); null clears one",
  )
  .openapi("ItemDetailsPatch");

const ItemPatchSchema = z
  .object({
    status: z.enum(["approved", "rejected", "draft"]).optional(),
    statement: StatementSchema.optional(),
    section: SectionKeySchema.optional(),
    details: DetailsPatchSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "give at least one of status, statement, section and details")
  .describe('a changed statement, section or detail makes the status "edited" unless "rejected" is given')
  .openapi("ItemPatch", { minProperties: 1 });

const QuoteCheckInputSchema = z
  .object({
    quote: z.string().trim().min(1, "must not be empty").max(MAX_QUOTE_LENGTH, `at most ${MAX_QUOTE_LENGTH} characters`),
    sourceId: z.string().max(64).optional(),
    segmentId: z.string().max(200).optional(),
  })
  .strict()
  .refine((input) => input.segmentId === undefined || input.sourceId !== undefined, {
    message: "segmentId needs the sourceId it belongs to",
    path: ["sourceId"],
  })
  .openapi("QuoteCheckInput");

const SectionPathSchema = z.object({
  dealId: DealIdParameter,
  section: z
    .enum(SECTION_KEYS, { error: `unknown section; expected one of ${SECTION_KEYS.join(", ")}` })
    .describe("a section key (accountOverview, stakeholders, whyTheyBought, …)"),
});

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

const readItemRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/items/{itemId}",
  tag: "Review",
  summary: "Read one item with its version (ETag), as a review would change it",
  access: { deal: "read" },
  request: { params: ItemPathSchema },
  responses: { 200: { ...jsonContent(z.object({ item: StoredItemSchema }), "the item"), headers: ETAG_HEADER } },
});

const reviewRoute = defineRoute({
  method: "patch",
  path: "/v1/deals/{dealId}/items/{itemId}",
  tag: "Review",
  summary: "Approve, reject, or edit an item's statement or section",
  description:
    "An item waiting for a citation check (needsChecking) can only be rejected or left in draft: 409 otherwise. " +
    `${IF_MATCH_SENTENCE} The item's ETag is in the answer of GET /v1/deals/{dealId}/items/{itemId} and of each review; ` +
    'the draft lists each item\'s version ("3" is the ETag of version 3).',
  access: { deal: "edit" },
  request: {
    params: ItemPathSchema,
    headers: IfMatchHeadersSchema,
    body: { required: true, content: { "application/json": { schema: ItemPatchSchema } } },
  },
  responses: { 200: { ...jsonContent(z.object({ item: StoredItemSchema }), "the item after review"), headers: ETAG_HEADER } },
  errors: [409, 412],
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
    201: {
      ...jsonContent(
        z.object({ item: StoredItemSchema, quoteCheck: QuoteCheckSchema.nullable() }),
        "the new item, and how its quote checked (null without a quote)",
      ),
      headers: ETAG_HEADER,
    },
  },
});

const approveSectionRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/sections/{section}/approve",
  tag: "Review",
  summary: "Approve every unreviewed item of a section",
  description:
    "Items of the section still in draft and with a verified citation become approved; reviewed items and items waiting " +
    "for a citation check are left as they are. 400 for an unknown section.",
  access: { deal: "edit" },
  request: { params: SectionPathSchema },
  responses: { 200: jsonContent(z.object({ items: z.array(StoredItemSchema) }), "the items this approved (none when nothing was left)") },
  errors: [400],
});

const quoteCheckRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/quote-checks",
  tag: "Review",
  summary: "Check a quote for an item the AE is about to add, storing nothing",
  description:
    "The same check as adding an item with a quote: the deal's sources, the named source (and segment) first. " +
    "Answers the match and, when verified, the citation the item would carry. 400 for a sourceId the deal lacks.",
  access: { deal: "edit" },
  request: { params: DealPathSchema, body: { required: true, content: { "application/json": { schema: QuoteCheckInputSchema } } } },
  responses: {
    200: jsonContent(
      z.object({ match: QuoteCheckSchema.shape.match, reason: z.string().optional(), citation: CitationSchema.nullable() }),
      "how the quote checked; the citation when verified",
    ),
  },
});

/** Per-item review of a deal's draft: approve, edit, reject, or add an item the sources lack. */
export function registerItemRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(readItemRoute, (c) => {
    const { dealId, itemId } = c.req.valid("param");
    const item = readItem(deps, actorOf(c), dealId, itemId);
    return c.json({ item }, 200, { ETag: formatEntityTag(item.version) });
  });
  app.openapi(reviewRoute, (c) => {
    const { dealId, itemId } = c.req.valid("param");
    const expected = readIfMatch(c.req.valid("header")["if-match"]);
    const item = reviewItem(deps, actorOf(c), dealId, itemId, c.req.valid("json"), expected);
    return c.json({ item }, 200, { ETag: formatEntityTag(item.version) });
  });
  app.openapi(addRoute, (c) => {
    const added = addItem(deps, actorOf(c), c.req.valid("param").dealId, c.req.valid("json"));
    return c.json(added, 201, { ETag: formatEntityTag(added.item.version) });
  });
  app.openapi(approveSectionRoute, (c) => {
    const { dealId, section } = c.req.valid("param");
    return c.json({ items: approveSection(deps, actorOf(c), dealId, section) }, 200);
  });
  app.openapi(quoteCheckRoute, (c) => c.json(checkAeQuote(deps, actorOf(c), c.req.valid("param").dealId, c.req.valid("json")), 200));
}
