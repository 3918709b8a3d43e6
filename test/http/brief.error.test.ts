import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Brief } from "../../src/drafting/brief.ts";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

describe("brief errors", () => {
  it("answers 404 for a deal that does not exist and 400 for an unknown format", async () => {
    expect((await t.request("GET", "/v1/deals/deal_missing/brief", { token: ae.token })).status).toBe(404);
    const deal = seedBriefDeal(t, ae);
    const res = await t.request("GET", `/v1/deals/${deal.id}/brief?format=pdf`, { token: ae.token });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "INVALID_INPUT",
      message: "format: expected json or md",
    });
    expect(t.deps.audit.listForDeal(deal.id).filter((e) => e.action === "export")).toHaveLength(0);
  });

  it("briefs a deal with no close date, no CSM and no items without failing", async () => {
    const deal = t.deps.deals.add(
      { account: "Empty Co", closeDate: null, amount: null, currency: null, aeId: ae.user.id, csmId: null },
      t.deps.now(),
    );
    const res = await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: ae.token });
    expect(res.status).toBe(200);
    const brief = (await res.json()) as Brief;
    expect(brief.confirm.opener).toBeNull();
    // Every section, and each of the five contract fields, by name.
    expect(brief.openQuestions).toHaveLength(16);
    expect(brief.timeline.milestones.every((m) => m.state === "unscheduled")).toBe(true);
    expect(brief.introEmail.missing.length).toBeGreaterThan(0);
    const md = await t.request("GET", `/v1/deals/${deal.id}/brief?format=md`, { token: ae.token });
    expect(await md.text()).toContain("| Handoff document complete (within 24 h) | AE | no close date | unscheduled |");
  });
});
