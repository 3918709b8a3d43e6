import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { createDeal, deleteDeal, listDeals, readDeal, updateDeal } from "../../services/deal-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { formatEntityTag, readIfMatch } from "../entity-tag.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { DealSchema } from "../schemas/deal-schema.ts";
import { DEAL_INPUT_FIELDS } from "../../domain/deal.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealPathSchema } from "../schemas/path-parameters.ts";
import { ETAG_HEADER, IF_MATCH_SENTENCE, IfMatchHeadersSchema } from "../schemas/precondition-schemas.ts";

const DealInputSchema = z.object(DEAL_INPUT_FIELDS).strict().openapi("DealInput");
const DealPatchSchema = z.object(DEAL_INPUT_FIELDS).partial().strict().openapi("DealPatch");

const createDealRoute = defineRoute({
  method: "post",
  path: "/v1/deals",
  tag: "Deals",
  summary: "Create a deal owned by the calling AE",
  access: { capability: "createDeal" },
  request: { body: { required: true, content: { "application/json": { schema: DealInputSchema } } } },
  responses: { 201: { ...jsonContent(DealSchema, "the new deal"), headers: ETAG_HEADER } },
});

const listDealsRoute = defineRoute({
  method: "get",
  path: "/v1/deals",
  tag: "Deals",
  summary: "List the deals the caller may read",
  description: "An AE sees their deals, a CSM the deals assigned to them, RevOps all.",
  access: { capability: "listDeals" },
  responses: { 200: jsonContent(z.object({ deals: z.array(DealSchema) }), "the visible deals, newest first") },
});

const readDealRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}",
  tag: "Deals",
  summary: "Read a deal",
  access: { deal: "read" },
  request: { params: DealPathSchema },
  responses: { 200: { ...jsonContent(DealSchema, "the deal"), headers: ETAG_HEADER } },
});

const updateDealRoute = defineRoute({
  method: "patch",
  path: "/v1/deals/{dealId}",
  tag: "Deals",
  summary: "Change a deal's account, close date, amount, currency or CSM",
  description:
    `${IF_MATCH_SENTENCE} The deal's ETag is its version in quotes: it counts changes of the deal's own fields, so ` +
    "reviews of its items (which bump revision) do not make a deal change stale.",
  access: { deal: "edit" },
  request: {
    params: DealPathSchema,
    headers: IfMatchHeadersSchema,
    body: { required: true, content: { "application/json": { schema: DealPatchSchema } } },
  },
  responses: { 200: { ...jsonContent(DealSchema, "the changed deal"), headers: ETAG_HEADER } },
  errors: [412],
});

const deleteDealRoute = defineRoute({
  method: "delete",
  path: "/v1/deals/{dealId}",
  tag: "Deals",
  summary: "Delete a deal with its sources, runs, items, versions and cache entries (the audit log keeps ids)",
  access: { deal: "delete" },
  request: { params: DealPathSchema },
  responses: { 204: { description: "done; no body" } },
});

/** Deals: created by AEs, read by whoever the access policy lets see them. */
export function registerDealRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(createDealRoute, (c) => {
    const deal = createDeal(deps, actorOf(c), c.req.valid("json"));
    return c.json(deal, 201, { ETag: formatEntityTag(deal.version) });
  });
  app.openapi(listDealsRoute, (c) => c.json({ deals: listDeals(deps, actorOf(c)) }, 200));
  app.openapi(readDealRoute, (c) => {
    const deal = readDeal(deps, actorOf(c), c.req.valid("param").dealId);
    return c.json(deal, 200, { ETag: formatEntityTag(deal.version) });
  });
  app.openapi(updateDealRoute, (c) => {
    const expected = readIfMatch(c.req.valid("header")["if-match"]);
    const deal = updateDeal(deps, actorOf(c), c.req.valid("param").dealId, c.req.valid("json"), expected);
    return c.json(deal, 200, { ETag: formatEntityTag(deal.version) });
  });
  app.openapi(deleteDealRoute, (c) => {
    deleteDeal(deps, actorOf(c), c.req.valid("param").dealId);
    return c.body(null, 204);
  });
}
