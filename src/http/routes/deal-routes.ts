import { Hono } from "hono";
import { z } from "zod";
import { hasCapability } from "../../access/access-policy.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { runInTransaction } from "../../storage/open-database.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

export const DealInputSchema = z
  .object({
    account: z.string().trim().min(1).max(200),
    closeDate: isoDate.nullable().optional(),
    amount: z.number().nonnegative().max(1e12).nullable().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD")
      .nullable()
      .optional(),
    csmId: z.string().max(64).nullable().optional(),
  })
  .strict();

export const DealPatchSchema = DealInputSchema.partial().strict();

export function createDealRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  const checkCsm = (csmId: string | null | undefined) => {
    if (csmId === null || csmId === undefined) return;
    const csm = deps.users.get(csmId);
    if (csm === undefined || csm.role !== "csm") {
      throw new AppError({ code: "INVALID_INPUT", message: "csmId: no CSM with this id" });
    }
  };

  routes.post("/", async (c) => {
    const user = c.get("user");
    if (!hasCapability(user, "createDeal")) throw new AppError({ code: "FORBIDDEN", message: "only AEs create deals" });
    const input = await readJsonBody(c, DealInputSchema);
    checkCsm(input.csmId);
    const deal = deps.deals.add(
      {
        account: input.account,
        closeDate: input.closeDate ?? null,
        amount: input.amount ?? null,
        currency: input.currency ?? null,
        aeId: user.id,
        csmId: input.csmId ?? null,
      },
      deps.now(),
    );
    recordAudit(c, deps, { action: "create", objectType: "deal", objectId: deal.id, dealId: deal.id });
    return c.json(deal, 201);
  });

  routes.get("/", (c) => {
    const user = c.get("user");
    if (!hasCapability(user, "listDeals")) throw new AppError({ code: "FORBIDDEN", message: "your role may not list deals" });
    return c.json({ deals: deps.deals.listVisibleTo(user) });
  });

  routes.get("/:dealId", (c) => {
    const deal = loadDeal(c, deps, "read");
    recordAudit(c, deps, { action: "view", objectType: "deal", objectId: deal.id, dealId: deal.id });
    return c.json(deal);
  });

  routes.patch("/:dealId", async (c) => {
    const deal = loadDeal(c, deps, "edit");
    const changes = await readJsonBody(c, DealPatchSchema);
    checkCsm(changes.csmId);
    const updated = deps.deals.update(deal.id, changes, deps.now());
    recordAudit(c, deps, { action: "change", objectType: "deal", objectId: deal.id, dealId: deal.id });
    return c.json(updated!);
  });

  routes.delete("/:dealId", (c) => {
    const deal = loadDeal(c, deps, "delete");
    // One transaction: the deal, its sources, runs, items, versions and its LLM cache entries go together.
    runInTransaction(deps.db, () => {
      deps.deals.delete(deal.id);
      deps.llmCache.deleteForDeal(deal.id);
    });
    deps.briefCache.evict(deal.id);
    recordAudit(c, deps, { action: "delete", objectType: "deal", objectId: deal.id, dealId: deal.id });
    return c.body(null, 204);
  });

  return routes;
}
