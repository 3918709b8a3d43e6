import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Citation } from "../../src/domain/citation.ts";
import type { DraftItem } from "../../src/domain/item.ts";
import type { HandoffReport } from "../../src/handoff/build-handoff-report.ts";
import { NO_USAGE } from "../../src/domain/usage.ts";
import { summariseRunsUsage } from "../../src/services/report-service.ts";
import { seedDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

// Prices chosen so the costs are round: 0.15 per million prompt tokens, 0.60 per million output tokens.
const PRICES = { BATON_PRICE_PROMPT_PER_MTOK: "0.15", BATON_PRICE_OUTPUT_PER_MTOK: "0.60", BATON_PRICE_CURRENCY: "EUR" };

let t: TestApp;
let clock: Date;
let revops: TestUser;
let dana: TestUser;
let lee: TestUser;

beforeEach(() => {
  clock = new Date("2026-02-07T06:00:00Z");
  t = createTestApp({ env: PRICES, now: () => clock });
  revops = t.addUser("revops");
  dana = t.addUser("ae", "Dana Whitlock");
  lee = t.addUser("ae", "Lee Park");
});
afterEach(() => t.close());

const cite = (match: Citation["match"]): Citation => ({
  sourceId: "src_call",
  segmentId: "seg-1",
  speaker: "Nate",
  startMs: 0,
  quote: "quoted words",
  charStart: 0,
  charEnd: 12,
  match,
});

type Seed = { section: DraftItem["section"]; statement?: string; details: Record<string, unknown> } & Partial<
  Pick<DraftItem, "status" | "origin">
> & { match?: Citation["match"]; needsChecking?: boolean };

function store(dealId: string, seeds: Seed[]): void {
  t.deps.items.addIfNew(
    dealId,
    seeds.map((seed, index) => ({
      item: {
        id: `itm_${index}_${dealId}`,
        section: seed.section,
        statement: seed.statement ?? `Statement ${index}.`,
        citations: [cite(seed.match ?? "exact")],
        status: seed.status ?? "draft",
        details: seed.details,
        origin: seed.origin ?? "extracted",
      },
      needsChecking: seed.needsChecking ?? false,
    })),
    null,
    clock,
  );
}

async function report(): Promise<HandoffReport> {
  const res = await t.request("GET", "/v1/reports/handoffs", { token: revops.token });
  expect(res.status).toBe(200);
  return (await res.json()) as HandoffReport;
}

describe("the report's per-field gaps", () => {
  it("names the fields each deal misses, counted across deals and per AE, filled only by approved or verified items", async () => {
    const full = seedDeal(t, dana, undefined, "Full Co");
    store(full.id, [
      { section: "accountOverview", details: { field: "contractValue" } },
      // Both fields stated by one merged item.
      { section: "accountOverview", details: { field: "seats", fields: ["seats", "products"] } },
      { section: "accountOverview", details: { field: "contractStart" }, status: "approved" },
      { section: "stakeholders", details: { role: "economicBuyer" } },
      { section: "stakeholders", details: { role: "champion" }, status: "edited" },
      { section: "successCriteria", statement: "Cut handle time by 30% in 90 days.", details: { horizon: "90days" } },
      { section: "nextSteps", statement: "Kickoff with the CS team.", details: { action: "kickoff", due: "2026-02-12" } },
      // Noise and unchecked claims fill nothing: rejected, needs checking, a draft whose every quote failed.
      { section: "accountOverview", details: { field: "renewalDate" }, status: "rejected" },
      { section: "stakeholders", details: { role: "technicalContact" }, needsChecking: true, match: "unverified" },
      { section: "stakeholders", details: { role: "technicalContact" }, match: "unverified" },
    ]);
    const empty = seedDeal(t, lee, undefined, "Empty Co");
    // The AE's answer to the account overview's gap fills the contract fields it asked for.
    t.deps.gapAnswers.set(empty.id, "accountOverview", "60k, 40 seats, Pro plan, 1 March to 28 February.", lee.user.id, clock);

    const { deals, totals } = await report();
    const byId = Object.fromEntries(deals.map((d) => [d.dealId, d]));
    expect(byId[full.id]!.gapFields).toEqual(["renewalDate", "technicalContact"]);
    expect(byId[empty.id]!.gapFields).toEqual(["economicBuyer", "champion", "technicalContact", "successMetric", "kickoffDate"]);
    expect(totals.recurringGaps.byField.slice(0, 2)).toEqual([
      { field: "technicalContact", deals: 2, title: "Technical contact", section: "stakeholders" },
      { field: "renewalDate", deals: 1, title: "Renewal date", section: "accountOverview" },
    ]);
    const fieldGaps = Object.fromEntries(
      totals.recurringGaps.byAe.map((ae) => [ae.aeName, ae.fieldGaps.filter((g) => g.deals > 0).map((g) => g.field)]),
    );
    expect(fieldGaps).toEqual({
      "Dana Whitlock": ["renewalDate", "technicalContact"],
      "Lee Park": ["economicBuyer", "champion", "technicalContact", "successMetric", "kickoffDate"],
    });
  });

  it("reads contract fields as the draft's gaps do: tagged or stated, and an answer to a field's gap states that field only", async () => {
    const deal = seedDeal(t, dana, undefined, "Fields Co");
    store(deal.id, [
      // Tagged as seats only; its statement also states the contract value, as the draft's gaps read it.
      { section: "accountOverview", statement: "150 seats at $492, that's $91,800 a year.", details: { field: "seats" } },
    ]);
    t.deps.gapAnswers.set(deal.id, "accountOverview.renewalDate", "1 March 2027.", dana.user.id, clock);
    const draftRes = await t.request("GET", `/v1/deals/${deal.id}/draft`, { token: dana.token });
    const draftGaps = (await draftRes.json()) as { gaps: { id: string; answer?: unknown }[] };
    const open = draftGaps.gaps.filter((g) => g.id.startsWith("accountOverview.") && g.answer === undefined).map((g) => g.id);
    expect(open).toEqual(["accountOverview.products", "accountOverview.contractStart"]);
    const [row] = (await report()).deals;
    expect(row!.gapFields.filter((f) => ["contractValue", "seats", "plan", "startDate", "renewalDate"].includes(f))).toEqual([
      "plan",
      "startDate",
    ]);
    expect(row!.gapSections).not.toContain("accountOverview");
    // The approved version reads the same: its open contract-field gaps are no section's gap.
    expect((await t.request("POST", `/v1/deals/${deal.id}/approve`, { token: dana.token })).status).toBe(201);
    const [approved] = (await report()).deals;
    expect(approved!.completionBasis).toBe("approved");
    expect(approved!.gapFields).toEqual(row!.gapFields);
    expect(approved!.gapSections).toEqual(row!.gapSections);
  });

  it("counts a section as filled only by an approved or verified item, never by a rejected, needs-checking or unverified one", async () => {
    const deal = seedDeal(t, dana, undefined, "Sections Co");
    store(deal.id, [
      { section: "accountOverview", details: { field: "industry" } },
      { section: "stakeholders", details: { role: "endUser" }, status: "approved", match: "unverified" },
      { section: "objections", details: {}, status: "rejected" },
      { section: "competition", details: {}, needsChecking: true, match: "unverified" },
      { section: "promises", details: {}, match: "unverified" },
    ]);
    const [row] = (await report()).deals;
    expect(row!.gapSections).not.toContain("accountOverview");
    expect(row!.gapSections).not.toContain("stakeholders");
    expect(row!.gapSections).toEqual(expect.arrayContaining(["objections", "competition", "promises"]));
    expect(row!.items).toBe(2);
  });
});

describe("the report's time to approved handoff", () => {
  it("times a deal imported long after it closed from its import, and a deal made on time from its close", async () => {
    const onTime = seedDeal(t, dana, undefined, "On Time Co", "2026-02-06");
    const backfill = seedDeal(t, dana, undefined, "Backfill Co", "2025-10-01");
    for (const deal of [onTime, backfill]) store(deal.id, [{ section: "accountOverview", details: { field: "industry" } }]);
    clock = new Date("2026-02-07T08:00:00Z");
    for (const deal of [onTime, backfill]) {
      expect((await t.request("POST", `/v1/deals/${deal.id}/approve`, { token: dana.token })).status).toBe(201);
    }
    const { deals, totals } = await report();
    const byId = Object.fromEntries(deals.map((d) => [d.dealId, d]));
    expect(byId[onTime.id]).toMatchObject({ backfilled: false, handoffClockStart: "2026-02-06T00:00:00.000Z", hoursToApprovedHandoff: 32 });
    expect(byId[backfill.id]).toMatchObject({ backfilled: true, handoffClockStart: "2026-02-07T06:00:00.000Z", hoursToApprovedHandoff: 2 });
    expect(totals.hoursToApprovedHandoff).toEqual({ deals: 2, median: 17, mean: 17, backfilledDeals: 1 });
  });
});

describe("the report's tokens and cost", () => {
  it("adds up what each extraction run recorded, per run, per deal and in total, at the configured prices", async () => {
    const deal = seedDeal(t, dana, undefined, "Tokens Co");
    const other = seedDeal(t, lee, undefined, "Other Co");
    const run = (dealId: string, promptTokens: number, completionTokens: number) => {
      const created = t.deps.runs.create(dealId, dana.user.id, clock);
      t.deps.runs.markSucceeded(
        created.id,
        {
          extractor: { kind: "llm", model: "test-model" },
          usage: { ...NO_USAGE, llmCalls: 2, promptTokens, completionTokens },
          sourceIds: [],
          itemsAdded: 0,
        },
        clock,
      );
      return created.id;
    };
    const first = run(deal.id, 1_200_000, 300_000);
    const second = run(deal.id, 500_000, 100_000);
    run(other.id, 2_000_000, 0);
    // A run that failed before recording usage costs nothing here.
    t.deps.runs.markFailed(
      t.deps.runs.create(deal.id, dana.user.id, clock).id,
      { code: "LLM_FAILED", message: "x", failureCode: "LLM_FAILED" },
      clock,
    );

    const { deals, totals } = await report();
    const row = deals.find((d) => d.dealId === deal.id)!;
    expect(row.runs).toEqual([
      { runId: first, status: "succeeded", runs: 1, llmCalls: 2, promptTokens: 1_200_000, completionTokens: 300_000, cost: 0.36 },
      { runId: second, status: "succeeded", runs: 1, llmCalls: 2, promptTokens: 500_000, completionTokens: 100_000, cost: 0.135 },
    ]);
    expect(row.usage).toEqual({ runs: 2, llmCalls: 4, promptTokens: 1_700_000, completionTokens: 400_000, cost: 0.495 });
    expect(totals.usage).toEqual({
      runs: 3,
      llmCalls: 6,
      promptTokens: 3_700_000,
      completionTokens: 400_000,
      cost: 0.795,
      currency: "EUR",
    });
    // What a batch's figures come from: the same sum over the runs it made.
    expect(summariseRunsUsage(t.deps, [second, first, "run_unknown"])).toEqual(row.usage);
  });

  it("reports tokens without a cost while no price is configured", async () => {
    const unpriced = createTestApp({ now: () => clock });
    try {
      const ae = unpriced.addUser("ae");
      const deal = seedDeal(unpriced, ae, undefined, "Unpriced Co");
      const created = unpriced.deps.runs.create(deal.id, ae.user.id, clock);
      const usage = { ...NO_USAGE, llmCalls: 1, promptTokens: 1000, completionTokens: 10 };
      unpriced.deps.runs.markSucceeded(created.id, { extractor: { kind: "llm" }, usage, sourceIds: [], itemsAdded: 0 }, clock);
      const res = await unpriced.request("GET", "/v1/reports/handoffs", { token: unpriced.addUser("revops").token });
      const body = (await res.json()) as HandoffReport;
      expect(body.deals[0]!.usage).toEqual({ runs: 1, llmCalls: 1, promptTokens: 1000, completionTokens: 10, cost: null });
      expect(body.totals.usage.currency).toBeNull();
    } finally {
      await unpriced.close();
    }
  });
});

describe("the report's completeness per week of close date", () => {
  it("averages the deals closed in each week, Monday to Sunday, oldest first", async () => {
    // 2026-02-02 is a Monday: the 2nd and the 8th share a week, the 9th starts the next.
    for (const [account, closeDate, sections] of [
      ["A", "2026-02-02", ["accountOverview", "stakeholders"]],
      ["B", "2026-02-08", []],
      ["C", "2026-02-09", ["accountOverview"]],
    ] as const) {
      const deal = seedDeal(t, dana, undefined, account, closeDate);
      store(
        deal.id,
        sections.map((section) => ({ section, details: {} })),
      );
    }
    seedDeal(t, dana, undefined, "Undated", null);
    expect((await report()).totals.completionByWeek).toEqual([
      { weekStart: "2026-02-02", deals: 2, completionRate: 0.09 },
      { weekStart: "2026-02-09", deals: 1, completionRate: 0.09 },
    ]);
  });
});
