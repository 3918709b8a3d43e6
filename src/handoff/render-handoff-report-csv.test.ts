import { describe, expect, it } from "vitest";
import { buildHandoffReport } from "./build-handoff-report.ts";
import type { HandoffReportDealInput } from "../domain/handoff-report-input.ts";
import { renderHandoffReportCsv, toCell } from "./render-handoff-report-csv.ts";

const input = (account: string, aeName: string | null): HandoffReportDealInput => ({
  deal: { id: "deal_1", account, closeDate: "2026-02-06", aeId: "usr_1", csmId: null, createdAt: "2026-02-06T09:00:00.000Z" },
  aeName,
  csmName: null,
  sourceCount: 3,
  itemCounts: [{ section: "promises", status: "draft", origin: "extracted", needsChecking: false, verified: true, count: 4 }],
  statedFields: [],
  answeredSections: [],
  approved: null,
  runs: [],
});

describe("renderHandoffReportCsv", () => {
  it("writes a header row and one CRLF-terminated row per deal", () => {
    const csv = renderHandoffReportCsv(buildHandoffReport([input("Acme", "Dana")], { from: null, to: null }, new Date()));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "deal_id,account,ae_name,csm_name,close_date,sources,items,extracted_items,needs_checking_items,approved_version,first_approved_at," +
        "completion_basis,completion_rate,hours_to_approved_handoff,unverified_rate,gap_sections," +
        "gap_fields,backfilled,handoff_clock_start,extraction_runs,prompt_tokens,completion_tokens,cost",
    );
    expect(lines[1]).toMatch(/^deal_1,Acme,Dana,,2026-02-06,3,4,4,0,,,draft,0\.09,,0,accountOverview;stakeholders;/);
    expect(lines[1]).toMatch(
      /,contractValue;seats;plan;startDate;renewalDate;economicBuyer;champion;technicalContact;successMetric;kickoffDate,no,2026-02-06T00:00:00\.000Z,0,0,0,$/,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
  });

  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(toCell('Kestrel "Ridge", Inc.')).toBe('"Kestrel ""Ridge"", Inc."');
    expect(toCell("two\nlines")).toBe('"two\nlines"');
    expect(toCell("plain")).toBe("plain");
    expect(toCell(null)).toBe("");
    expect(toCell(0.5)).toBe("0.5");
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(toCell('=HYPERLINK("http://evil.test")')).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    expect(toCell("+1")).toBe("'+1");
    expect(toCell("-2+3")).toBe("'-2+3");
    expect(toCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toCell("\tcmd")).toBe("'\tcmd");
    expect(toCell("a=b")).toBe("a=b");
    expect(toCell(-1.5)).toBe("-1.5");
    const csv = renderHandoffReportCsv(buildHandoffReport([input("=1+1", "@Dana, Jr")], { from: null, to: null }, new Date()));
    expect(csv.split("\r\n")[1]).toMatch(/^deal_1,'=1\+1,"'@Dana, Jr",/);
  });
});
