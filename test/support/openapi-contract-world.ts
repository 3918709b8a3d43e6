import type { Deal } from "../../src/domain/deal.ts";
import { WEBHOOK_SECRET } from "./crm-webhook-requests.ts";
import { seedBriefDeal } from "./seed-brief-deal.ts";
import { type SeededDeal, seedDeal, seedFullDeal } from "./seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "./test-app.ts";

export type Caller = "ae" | "csm" | "revops" | "admin" | "otherAe" | "none";

/**
 * What the OpenAPI contract cases act on: an AE's approved deal with a source, an item, a run and an answered gap
 * (`full`), an unapproved draft rich enough for every part of the brief (`draft`), a deal with nothing in it
 * (`bare`), all assigned to one CSM, and a second AE who may see none of them.
 */
export type ContractWorld = {
  t: TestApp;
  users: Record<Exclude<Caller, "none">, TestUser>;
  full: SeededDeal;
  draft: Deal;
  bare: Deal;
  /** A RevOps batch whose one row is the full deal and its run. */
  batchId: string;
};

export async function createContractWorld(): Promise<ContractWorld> {
  const t = createTestApp({ env: { BATON_CRM_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  const users = {
    ae: t.addUser("ae"),
    csm: t.addUser("csm"),
    revops: t.addUser("revops"),
    admin: t.addUser("admin"),
    otherAe: t.addUser("ae"),
  };
  const full = await seedFullDeal(t, users.ae, users.csm);
  const draft = seedBriefDeal(t, users.ae, users.csm, { account: "Draft Co" });
  const bare = seedDeal(t, users.ae, users.csm, "Bare Co");
  const batchId = t.deps.batches.add(
    {
      createdBy: users.revops.user.id,
      origin: "api",
      deals: [{ dealKey: "CRM-1", dealId: full.deal.id, runId: full.runId, status: "queued", reason: null }],
    },
    t.deps.now(),
  );
  return { t, users, full, draft, bare, batchId };
}

/** The value of each path placeholder unless a case names another: the full deal's objects. */
export function defaultPathParameters(world: ContractWorld): Record<string, string> {
  return {
    dealId: world.full.deal.id,
    sourceId: world.full.sourceId,
    itemId: world.full.itemId,
    runId: world.full.runId,
    version: String(world.full.version),
    section: "competition",
    userId: world.users.otherAe.user.id,
    batchId: world.batchId,
  };
}
