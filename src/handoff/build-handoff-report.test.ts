import { describe, expect, it } from "vitest";
import { SECTION_KEYS, type SectionKey } from "../domain/sections.ts";
import { buildHandoffReport } from "./build-handoff-report.ts";
import type { HandoffReportDealInput } from "../domain/handoff-report-input.ts";

const NOW = new Date("2026-03-01T00:00:00Z");
const NO_FILTER = { from: null, to: null };

function deal(
  id: string,
  extra: Partial<HandoffReportDealInput> & { closeDate?: string | null; aeId?: string } = {},
): HandoffReportDealInput {
  const { closeDate = "2026-02-06", aeId = "usr_dana", ...rest } = extra;
  return {
    // Created on its close date: no backfill unless a test says so.
    deal: { id, account: `Account ${id}`, closeDate, aeId, csmId: null, createdAt: `${closeDate ?? "2026-02-06"}T00:00:00.000Z` },
    aeName: aeId === "usr_dana" ? "Dana" : "Lee",
    csmName: null,
    sourceCount: 2,
    itemCounts: [],
    statedFields: [],
    answeredSections: [],
    approved: null,
    runs: [],
    ...rest,
  };
}

/** One verified draft item in each of the given sections. */
function filled(sections: readonly SectionKey[]): HandoffReportDealInput["itemCounts"] {
  return sections.map((section) => ({ section, status: "draft", origin: "extracted", needsChecking: false, verified: true, count: 1 }));
}

describe("buildHandoffReport", () => {
  it("measures a draft: filled sections, AE answers, rejected and needs-checking items filling nothing", () => {
    const report = buildHandoffReport(
      [
        deal("d1", {
          itemCounts: [
            ...filled(["accountOverview", "stakeholders", "whyTheyBought", "successCriteria", "promises"]),
            { section: "objections", status: "rejected", origin: "extracted", needsChecking: false, verified: true, count: 2 },
            { section: "competition", status: "draft", origin: "extracted", needsChecking: true, verified: true, count: 3 },
            { section: "nextSteps", status: "approved", origin: "ae", needsChecking: false, verified: true, count: 1 },
          ],
          answeredSections: ["redFlags"],
        }),
      ],
      NO_FILTER,
      NOW,
    );
    const [row] = report.deals;
    expect(row).toMatchObject({
      completionBasis: "draft",
      items: 6,
      extractedItems: 10,
      needsCheckingItems: 3,
      unverifiedRate: 0.3,
      completionRate: 0.64,
      approvedVersion: null,
      hoursToApprovedHandoff: null,
      gapSections: ["objections", "politicalDynamics", "competition", "technicalEnvironment"],
    });
  });

  it("measures an approved deal by its latest version and times the first approval from the close date", () => {
    const report = buildHandoffReport(
      [
        deal("d1", {
          itemCounts: filled(["accountOverview"]),
          approved: {
            version: 2,
            firstApprovedAt: "2026-02-07T06:00:00.000Z",
            items: 40,
            gapSections: ["competition", "accountOverview"],
            statedFields: [],
            answeredSections: [],
          },
        }),
      ],
      NO_FILTER,
      NOW,
    );
    expect(report.deals[0]).toMatchObject({
      completionBasis: "approved",
      approvedVersion: 2,
      items: 40,
      completionRate: 0.82,
      hoursToApprovedHandoff: 30,
      gapSections: ["accountOverview", "competition"],
    });
  });

  it("totals completion, median and mean time to handoff, recurring gaps and the pooled unverified rate", () => {
    const approved = (hours: number) => ({
      version: 1,
      firstApprovedAt: new Date(Date.parse("2026-02-06T00:00:00Z") + hours * 3_600_000).toISOString(),
      items: 10,
      gapSections: [] as SectionKey[],
      statedFields: [],
      answeredSections: [],
    });
    const all = SECTION_KEYS.filter((s) => s !== "competition" && s !== "politicalDynamics");
    const report = buildHandoffReport(
      [
        deal("d1", { approved: approved(10) }),
        deal("d2", { approved: approved(20) }),
        deal("d3", { approved: approved(90) }),
        deal("d4", {
          aeId: "usr_lee",
          itemCounts: [
            ...filled(all),
            { section: "promises", status: "draft", origin: "extracted", needsChecking: true, verified: true, count: 9 },
          ],
        }),
        deal("d5", { aeId: "usr_lee", closeDate: null, itemCounts: filled(SECTION_KEYS.filter((s) => s !== "competition")) }),
      ],
      NO_FILTER,
      NOW,
    );
    expect(report.totals).toMatchObject({
      deals: 5,
      approvedDeals: 3,
      completionRate: 0.95,
      hoursToApprovedHandoff: { deals: 3, median: 20, mean: 40 },
      unverifiedRate: 0.32,
    });
    expect(report.totals.recurringGaps.bySection.slice(0, 3)).toEqual([
      { section: "competition", title: "Competitive landscape", deals: 2 },
      { section: "politicalDynamics", title: "Political dynamics", deals: 1 },
      { section: "accountOverview", title: "Account overview", deals: 0 },
    ]);
    expect(report.totals.recurringGaps.byAe).toEqual([
      {
        aeId: "usr_lee",
        aeName: "Lee",
        deals: 2,
        meanCompletion: 0.86,
        mostFrequentGaps: [
          { section: "competition", deals: 2 },
          { section: "politicalDynamics", deals: 1 },
        ],
        fieldGaps: expect.any(Array),
      },
      { aeId: "usr_dana", aeName: "Dana", deals: 3, meanCompletion: 1, mostFrequentGaps: [], fieldGaps: expect.any(Array) },
    ]);
  });

  it("filters on the close date, inclusive, leaving out deals without one", () => {
    const inputs = [
      deal("jan", { closeDate: "2026-01-31" }),
      deal("feb1", { closeDate: "2026-02-01" }),
      deal("feb28", { closeDate: "2026-02-28" }),
      deal("none", { closeDate: null }),
    ];
    const ids = (from: string | null, to: string | null) => buildHandoffReport(inputs, { from, to }, NOW).deals.map((d) => d.dealId);
    expect(ids(null, null)).toEqual(["jan", "feb1", "feb28", "none"]);
    expect(ids("2026-02-01", "2026-02-28")).toEqual(["feb1", "feb28"]);
    expect(ids(null, "2026-02-01")).toEqual(["jan", "feb1"]);
  });

  it("reports nothing to average as null rather than zero", () => {
    const report = buildHandoffReport([], NO_FILTER, NOW);
    expect(report.totals).toMatchObject({
      deals: 0,
      completionRate: null,
      unverifiedRate: null,
      hoursToApprovedHandoff: { deals: 0, median: null, mean: null },
    });
  });
});
