import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ReviewDeal, seedReviewDeal } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let owner: TestUser;
let csm: TestUser;
let deal: ReviewDeal;
beforeEach(async () => {
  t = createTestApp();
  owner = t.addUser("ae");
  csm = t.addUser("csm");
  deal = await seedReviewDeal(t, owner, csm);
  // One frozen version, so the read routes have something to show.
  expect((await t.request("POST", `/v1/deals/${deal.dealId}/approve`, { token: owner.token })).status).toBe(201);
});
afterEach(() => t.close());

type Call = { name: string; method: string; path: string; json?: unknown };

const writes = (): Call[] => [
  { name: "review an item", method: "PATCH", path: `/items/${deal.ids.champion}`, json: { statement: "Changed by someone else." } },
  { name: "add an item", method: "POST", path: "/items", json: { section: "promises", statement: "A promise." } },
  { name: "answer a gap", method: "PUT", path: "/gaps/promises", json: { answer: "None." } },
  { name: "remove a gap answer", method: "DELETE", path: "/gaps/promises" },
  { name: "approve", method: "POST", path: "/approve" },
];
const reads = (): Call[] => [
  { name: "list versions", method: "GET", path: "/versions" },
  { name: "read a version", method: "GET", path: "/versions/1" },
];

const call = (user: TestUser | undefined, c: Call) =>
  t.request(c.method, `/v1/deals/${deal.dealId}${c.path}`, {
    ...(user ? { token: user.token } : {}),
    ...(c.json === undefined ? {} : { json: c.json }),
  });

/** The observable state of the deal's review: items, answers and versions. */
const snapshot = () =>
  JSON.stringify([t.deps.items.list(deal.dealId), t.deps.gapAnswers.list(deal.dealId), t.deps.versions.list(deal.dealId)]);

describe("who may review and approve", () => {
  it("answers 404 to another AE for every route, revealing nothing and changing nothing", async () => {
    const stranger = t.addUser("ae");
    const before = snapshot();
    for (const c of [...writes(), ...reads()]) {
      const res = await call(stranger, c);
      expect(res.status, c.name).toBe(404);
      expect(JSON.stringify(await res.json()), c.name).not.toContain("Nate Brennan");
    }
    expect(snapshot()).toBe(before);
  });

  it("lets the assigned CSM and RevOps read versions but refuses their edits with 403", async () => {
    const revops = t.addUser("revops");
    const before = snapshot();
    for (const user of [csm, revops]) {
      for (const c of writes()) expect((await call(user, c)).status, `${user.user.role} ${c.name}`).toBe(403);
      for (const c of reads()) expect((await call(user, c)).status, `${user.user.role} ${c.name}`).toBe(200);
    }
    expect(snapshot()).toBe(before);
  });

  it("hides the deal from a CSM it is not assigned to, refuses the admin, and requires a token", async () => {
    const otherCsm = t.addUser("csm");
    const admin = t.addUser("admin");
    for (const c of [...writes(), ...reads()]) {
      expect((await call(otherCsm, c)).status, `other csm ${c.name}`).toBe(404);
      expect((await call(admin, c)).status, `admin ${c.name}`).toBe(403);
      expect((await call(undefined, c)).status, `anonymous ${c.name}`).toBe(401);
    }
  });
});

describe("audit trail", () => {
  it("records changes, approvals and views with ids only, never statements, quotes or answers", async () => {
    const statement = "Secret wording about a discount of 37 percent.";
    const answer = "Confidential: the CFO is leaving in April.";
    const quote = "something's on fire";
    await call(owner, { name: "", method: "PATCH", path: `/items/${deal.ids.pain}`, json: { statement } });
    const added = await call(owner, { name: "", method: "POST", path: "/items", json: { section: "redFlags", statement, quote } });
    const { item } = (await added.json()) as { item: { id: string } };
    await call(owner, { name: "", method: "PUT", path: "/gaps/promises", json: { answer } });
    expect((await call(owner, { name: "", method: "POST", path: "/approve" })).status).toBe(201);
    await call(csm, { name: "", method: "GET", path: "/versions/2" });

    const entries = t.deps.audit.listForDeal(deal.dealId);
    const has = (action: string, objectType: string, objectId: string | null, userId = owner.user.id) =>
      entries.some((e) => e.action === action && e.objectType === objectType && e.objectId === objectId && e.userId === userId);
    expect(has("change", "item", deal.ids.pain)).toBe(true);
    expect(has("create", "item", item.id)).toBe(true);
    expect(has("change", "gap_answer", "promises")).toBe(true);
    expect(has("approve", "handoff_version", "2")).toBe(true);
    expect(has("view", "handoff_version", "2", csm.user.id)).toBe(true);
    const logged = JSON.stringify(entries);
    for (const content of [statement, answer, quote, "Nate Brennan"]) expect(logged).not.toContain(content);
  });

  it("records the items an approval approved implicitly", async () => {
    await call(owner, { name: "", method: "PATCH", path: `/items/${deal.ids.pain}`, json: { status: "draft" } });
    expect((await call(owner, { name: "", method: "POST", path: "/approve" })).status).toBe(201);
    const approvals = t.deps.audit.listForDeal(deal.dealId).filter((e) => e.action === "approve" && e.objectType === "item");
    expect(approvals.map((e) => e.objectId)).toContain(deal.ids.pain);
  });
});
