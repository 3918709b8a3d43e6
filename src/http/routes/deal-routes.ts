import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { createDeal, deleteDeal, listDeals, readDeal, updateDeal } from "../../services/deal-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { DealSchema } from "../schemas/deal-schema.ts";
import { DEAL_INPUT_FIELDS } from "../../domain/deal.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealPathSchema } from "../schemas/path-parameters.ts";

const DealInputSchema = z.object(DEAL_INPUT_FIELDS).strict().openapi("DealInput");
const DealPatchSchema = z.object(DEAL_INPUT_FIELDS).partial().strict().openapi("DealPatch");

const createDealRoute = defineRoute({
  method: "post",
  path: "/v1/deals",
  tag: "Deals",
  summary: "Create a deal owned by the calling AE",
  access: { capability: "createDeal" },
  request: { body: { required: true, content: { "application/json": { schema: DealInputSchema } } } },
  responses: { 201: jsonContent(DealSchema, "the new deal") },
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
  responses: { 200: jsonContent(DealSchema, "the deal") },
});

const updateDealRoute = defineRoute({
  method: "patch",
  path: "/v1/deals/{dealId}",
  tag: "Deals",
  summary: "Change a deal's account, close date, amount, currency or CSM",
  access: { deal: "edit" },
  request: { params: DealPathSchema, body: { required: true, content: { "application/json": { schema: DealPatchSchema } } } },
  responses: { 200: jsonContent(DealSchema, "the changed deal") },
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
  app.openapi(createDealRoute, (c) => c.json(createDeal(deps, actorOf(c), c.req.valid("json")), 201));
  app.openapi(listDealsRoute, (c) => c.json({ deals: listDeals(deps, actorOf(c)) }, 200));
  app.openapi(readDealRoute, (c) => c.json(readDeal(deps, actorOf(c), c.req.valid("param").dealId), 200));
  app.openapi(updateDealRoute, (c) => c.json(updateDeal(deps, actorOf(c), c.req.valid("param").dealId, c.req.valid("json")), 200));
  app.openapi(deleteDealRoute, (c) => {
    deleteDeal(deps, actorOf(c), c.req.valid("param").dealId);
    return c.body(null, 204);
  });
}
