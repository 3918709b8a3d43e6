import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HandoffReport } from "../../src/handoff/build-handoff-report.ts";
import type { Deal } from "../../src/domain/deal.ts";
import { seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const GAPS = ["accountOverview", "politicalDynamics", "technicalEnvironment", "nextSteps"];
// The seeded deals name a champion and no other field.
const GAP_FIELDS = [
  "contractValue",
  "seats",
  "plan",
  "startDate",
  "renewalDate",
  "economicBuyer",
  "technicalContact",
  "successMetric",
  "kickoffDate",
];
const NO_USAGE = { runs: 0, llmCalls: 0, promptTokens: 0, completionTokens: 0, cost: null };

let t: TestApp;
let revops: TestUser;
let lee: TestUser;
let approved: Deal;
let draft: Deal;
let undated: Deal;
beforeEach(async () => {
  t = createTestApp({ now: () => new Date("2026-02-07T06:00:00Z") });
  revops = t.addUser("revops");
  const dana = t.addUser("ae", "Dana Whitlock");
  // Default name: the harness derives emails from a counter that only default names advance.
  lee = t.addUser("ae");
  const csm = t.addUser("csm", "Sam Okafor");
  approved = seedBriefDeal(t, dana, csm, { account: "Kestrel Ridge Freight" });
  draft = seedBriefDeal(t, lee, undefined, { account: '=HYPERLINK("http://evil.test","Acme, Inc.")', closeDate: "2026-01-20" });
  undated = seedBriefDeal(t, lee, undefined, { account: "Undated Co", closeDate: null });
  expect((await t.request("POST", `/v1/deals/${approved.id}/approve`, { token: dana.token })).status).toBe(201);
});
afterEach(() => t.close());

describe("GET /v1/reports/handoffs", () => {
  it("reports per deal and in total for RevOps", async () => {
    const res = await t.request("GET", "/v1/reports/handoffs", { token: revops.token });
    expect(res.status).toBe(200);
    const report = (await res.json()) as HandoffReport;
    expect(report.deals.map((d) => d.dealId)).toEqual([draft.id, approved.id, undated.id]);
    expect(report.deals[1]).toEqual({
      dealId: approved.id,
      account: "Kestrel Ridge Freight",
      aeId: approved.aeId,
      aeName: "Dana Whitlock",
      csmId: approved.csmId,
      csmName: "Sam Okafor",
      closeDate: "2026-02-06",
      sources: 0,
      items: 6,
      extractedItems: 8,
      needsCheckingItems: 1,
      approvedVersion: 1,
      firstApprovedAt: "2026-02-07T06:00:00.000Z",
      completionBasis: "approved",
      completionRate: 0.64,
      hoursToApprovedHandoff: 30,
      unverifiedRate: 0.13,
      gapSections: GAPS,
      gapFields: GAP_FIELDS,
      backfilled: false,
      handoffClockStart: "2026-02-06T00:00:00.000Z",
      usage: NO_USAGE,
      runs: [],
    });
    expect(report.deals[0]).toMatchObject({
      completionBasis: "draft",
      approvedVersion: null,
      hoursToApprovedHandoff: null,
      items: 6,
      gapSections: GAPS,
    });
    expect(report.totals).toMatchObject({
      deals: 3,
      approvedDeals: 1,
      completionRate: 0.64,
      hoursToApprovedHandoff: { deals: 1, median: 30, mean: 30 },
      unverifiedRate: 0.13,
    });
    expect(report.totals.recurringGaps.bySection.slice(0, 4).map((g) => [g.section, g.deals])).toEqual(GAPS.map((s) => [s, 3]));
    const byAe = Object.fromEntries(
      report.totals.recurringGaps.byAe.map((a) => [a.aeName, [a.deals, a.meanCompletion, a.mostFrequentGaps.length]]),
    );
    expect(byAe).toEqual({ "Dana Whitlock": [1, 0.64, 3], [lee.user.name]: [2, 0.64, 3] });
    // Counts and keys only: no statement, quote or AE answer leaves through the report.
    const text = JSON.stringify(report);
    expect(text).not.toContain("retires in April");
    expect(text).not.toContain("Zendesk");
  });

  it("filters on the close date", async () => {
    const ids = async (query: string) =>
      ((await (await t.request("GET", `/v1/reports/handoffs${query}`, { token: revops.token })).json()) as HandoffReport).deals.map(
        (d) => d.dealId,
      );
    expect(await ids("?from=2026-02-01")).toEqual([approved.id]);
    expect(await ids("?to=2026-01-31")).toEqual([draft.id]);
    expect(await ids("?from=2026-01-20&to=2026-02-06")).toEqual([draft.id, approved.id]);
  });

  it("exports CSV with a header row, RFC 4180 quoting and formulas neutralised", async () => {
    const res = await t.request("GET", "/v1/reports/handoffs?format=csv", { token: revops.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain("handoff-report.csv");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]!.startsWith("deal_id,account,ae_name,csm_name,close_date,sources,items,")).toBe(true);
    expect(lines[1]).toBe(
      `${draft.id},"'=HYPERLINK(""http://evil.test"",""Acme, Inc."")",${lee.user.name},,2026-01-20,0,6,8,1,,,draft,0.64,,0.13,${GAPS.join(";")},` +
        `${GAP_FIELDS.join(";")},yes,2026-02-07T06:00:00.000Z,0,0,0,`,
    );
    expect(lines[2]).toBe(
      `${approved.id},Kestrel Ridge Freight,Dana Whitlock,Sam Okafor,2026-02-06,0,6,8,1,1,2026-02-07T06:00:00.000Z,approved,0.64,30,0.13,${GAPS.join(";")},` +
        `${GAP_FIELDS.join(";")},no,2026-02-06T00:00:00.000Z,0,0,0,`,
    );
    expect(lines).toHaveLength(5);
    const byAccept = await t.request("GET", "/v1/reports/handoffs", { token: revops.token, headers: { accept: "text/csv" } });
    expect(byAccept.headers.get("content-type")).toMatch(/^text\/csv/);
  });
});
