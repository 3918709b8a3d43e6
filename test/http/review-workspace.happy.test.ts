import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoredItem } from "../../src/domain/stored-item.ts";
import { seedReviewDeal } from "../support/seed-review-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

const call = async (method: string, path: string, json?: unknown) => {
  const res = await t.request(method, path, { token: ae.token, ...(json === undefined ? {} : { json }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("the review routes the workspace uses", () => {
  it("approves every unreviewed item of a section and nothing else", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    t.deps.items.addIfNew(
      dealId,
      [{ item: { ...t.deps.items.get(dealId, ids.champion)!, id: "itm_second", status: "draft" }, needsChecking: false }],
      null,
      t.deps.now(),
    );
    await call("PATCH", `/v1/deals/${dealId}/items/${ids.champion}`, { status: "rejected" });
    const { status, body } = await call("POST", `/v1/deals/${dealId}/sections/stakeholders/approve`);
    expect(status).toBe(200);
    expect((body.items as StoredItem[]).map((i) => i.id)).toEqual(["itm_second"]);
    expect(t.deps.items.get(dealId, ids.champion)!.status).toBe("rejected");
    expect(t.deps.items.get(dealId, ids.pain)!.status).toBe("draft");
    // The needs-checking item of redFlags is never approved in bulk.
    expect(((await call("POST", `/v1/deals/${dealId}/sections/redFlags/approve`)).body.items as StoredItem[]).length).toBe(0);
    expect(t.deps.items.get(dealId, ids.unverified)!.status).toBe("draft");
  });

  it("edits the details a section allows, clears one with null, and refuses another section's keys", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    const path = `/v1/deals/${dealId}/items/${ids.champion}`;
    const edited = await call("PATCH", path, { details: { role: "champion", stance: "supportive", email: "nate@kestrel.example" } });
    expect(edited.status).toBe(200);
    expect((edited.body.item as StoredItem).details).toMatchObject({
      role: "champion",
      stance: "supportive",
      email: "nate@kestrel.example",
    });
    expect((edited.body.item as StoredItem).status).toBe("edited");
    const cleared = await call("PATCH", path, { details: { email: null } });
    expect((cleared.body.item as StoredItem).details).not.toHaveProperty("email");
    const wrong = await call("PATCH", path, { details: { dueDate: "2026-03-01" } });
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as { message: string }).message).toBe("details.dueDate: not editable in section stakeholders");
    const badStance = await call("PATCH", path, { details: { stance: "furious" } });
    expect(badStance.status).toBe(400);
    const otherSection = await call("PATCH", `/v1/deals/${dealId}/items/${ids.pain}`, { details: { owner: "Dana" } });
    expect(otherSection.status).toBe(400);
  });

  it("checks a quote as adding an item would, and stores nothing", async () => {
    const { dealId } = await seedReviewDeal(t, ae);
    const before = t.deps.items.list(dealId).length;
    const found = await call("POST", `/v1/deals/${dealId}/quote-checks`, { quote: "Tuesday's our heaviest day" });
    expect(found.status).toBe(200);
    expect(found.body.match).toBe("exact");
    expect((found.body.citation as { quote: string }).quote).toBe("Tuesday's our heaviest day");
    const missing = await call("POST", `/v1/deals/${dealId}/quote-checks`, { quote: "we will churn by March unless it ships" });
    expect(missing.body).toMatchObject({ match: "unverified", citation: null });
    expect(typeof missing.body.reason).toBe("string");
    expect(t.deps.items.list(dealId).length).toBe(before);
  });

  it("previews an approval: unreviewed, left out, open gaps, and whether it would create a version", async () => {
    const { dealId, ids } = await seedReviewDeal(t, ae);
    await call("PATCH", `/v1/deals/${dealId}/items/${ids.it}`, { status: "rejected" });
    await call("PATCH", `/v1/deals/${dealId}/items/${ids.champion}`, { status: "approved" });
    const { status, body } = await call("GET", `/v1/deals/${dealId}/approval-preview`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ reviewedCount: 1, latestVersion: null, draftMatchesLatest: false, canApprove: true });
    expect((body.unreviewed as { id: string }[]).map((i) => i.id)).toEqual([ids.pain]);
    expect((body.rejected as { id: string }[]).map((i) => i.id)).toEqual([ids.it]);
    expect((body.needsChecking as { id: string }[]).map((i) => i.id)).toEqual([ids.unverified]);
    // Nine empty sections and the five contract fields no source states.
    expect((body.openGaps as { id: string }[]).map((gap) => gap.id).filter((id) => id.includes("."))).toHaveLength(5);
    expect((body.openGaps as unknown[]).length).toBe(14);
    // Previewing changes nothing; approving then matches the preview.
    expect(t.deps.items.get(dealId, ids.pain)!.status).toBe("draft");
    await call("POST", `/v1/deals/${dealId}/approve`);
    const after = await call("GET", `/v1/deals/${dealId}/approval-preview`);
    expect(after.body).toMatchObject({ latestVersion: 1, draftMatchesLatest: true, unreviewed: [] });
  });
});
