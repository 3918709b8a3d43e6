import { describe, expect, it } from "vitest";
import { TextBuilder } from "../text-builder.ts";
import { buildPdfSegments } from "./build-pdf-segments.ts";

function segmentsOf(lines: string[]) {
  const builder = new TextBuilder(1000);
  buildPdfSegments(lines, builder, () => undefined);
  const { text, segments } = builder.finish();
  for (const segment of segments) expect(text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return segments.map((segment) => [segment.speaker, segment.text]);
}

describe("buildPdfSegments", () => {
  it("joins wrapped lines into paragraphs and ends a paragraph at a short line", () => {
    expect(
      segmentsOf([
        "The economy has made good progress toward our dual-mandate objectives. Inflation has eased",
        "from its highs without a significant increase in unemployment.",
        "Today, the Committee decided to leave our policy interest rate unchanged and to continue to",
        "reduce our securities holdings.",
      ]),
    ).toEqual([
      [
        null,
        "The economy has made good progress toward our dual-mandate objectives. Inflation has eased from its highs without a significant increase in unemployment.",
      ],
      [null, "Today, the Committee decided to leave our policy interest rate unchanged and to continue to reduce our securities holdings."],
    ]);
  });

  it("gives each paragraph the speaker of the latest caps label, across paragraphs", () => {
    expect(
      segmentsOf([
        "CHAIR POWELL. Good afternoon. My colleagues and I remain squarely focused on our",
        "dual mandate to promote maximum employment and stable prices for the American people.",
        "That is all for now.",
        "Today, the Committee decided to leave our policy interest rate unchanged and to continue",
        "to reduce our securities holdings.",
        "MICHELLE SMITH. Jeanna.",
        "JEANNA SMIALEK. Thanks.",
        "CHAIR POWELL. Sure.",
        "MICHELLE SMITH. Nick.",
      ]),
    ).toEqual([
      [
        "CHAIR POWELL",
        "Good afternoon. My colleagues and I remain squarely focused on our dual mandate to promote maximum employment and stable prices for the American people. That is all for now.",
      ],
      [
        "CHAIR POWELL",
        "Today, the Committee decided to leave our policy interest rate unchanged and to continue to reduce our securities holdings.",
      ],
      ["MICHELLE SMITH", "Jeanna."],
      ["JEANNA SMIALEK", "Thanks."],
      ["CHAIR POWELL", "Sure."],
      ["MICHELLE SMITH", "Nick."],
    ]);
  });

  it("continues a short label line when the next line goes on in lower case", () => {
    const lines = ["MR. SMITH. How are you weighing the growth data and", "consumption data?", "MS. JONES. Fine."];
    expect(segmentsOf([...lines, ...lines])).toEqual([
      ["MR. SMITH", "How are you weighing the growth data and consumption data?"],
      ["MS. JONES", "Fine."],
      ["MR. SMITH", "How are you weighing the growth data and consumption data?"],
      ["MS. JONES", "Fine."],
    ]);
  });

  it("reads Name: labels and ends the turn at a heading or a field line", () => {
    expect(
      segmentsOf([
        "Attendees: Dana Whitfield (Northwind), Priya Raman (Larkspur)",
        "Dana Whitfield: We export CSV nightly.",
        "Priya Raman: We will map the schema.",
        "Dana Whitfield: Good.",
        "Priya Raman: Thanks.",
        "Action items",
        "- Dana: send the carrier list.",
      ]),
    ).toEqual([
      [null, "Attendees: Dana Whitfield (Northwind), Priya Raman (Larkspur)"],
      ["Dana Whitfield", "We export CSV nightly."],
      ["Priya Raman", "We will map the schema."],
      ["Dana Whitfield", "Good."],
      ["Priya Raman", "Thanks."],
      [null, "Action items"],
      [null, "- Dana: send the carrier list."],
    ]);
  });

  it("leaves one-off 'Name:' lines in prose and forms as text", () => {
    expect(segmentsOf(["Update: the rollout slipped a week.", "Reason: the vendor."])).toEqual([
      [null, "Update: the rollout slipped a week."],
      [null, "Reason: the vendor."],
    ]);
  });

  it("keeps form fields and capital headings apart even when lines are long", () => {
    expect(
      segmentsOf([
        "TERM AND BILLING",
        "Price per agent seat per year: $492.00 (list $600.00, 18% discount) with annual billing",
        "Seat subtotal: $59,040.00 per year",
        "Discount and waived fee valid for signature on or before February 6, 2026 at the latest",
        "IMPLEMENTATION",
        "Target go-live: March 16, 2026",
      ]),
    ).toEqual([
      [null, "TERM AND BILLING"],
      [null, "Price per agent seat per year: $492.00 (list $600.00, 18% discount) with annual billing"],
      [null, "Seat subtotal: $59,040.00 per year"],
      [null, "Discount and waived fee valid for signature on or before February 6, 2026 at the latest"],
      [null, "IMPLEMENTATION"],
      [null, "Target go-live: March 16, 2026"],
    ]);
  });

  it("joins a hyphenated line break", () => {
    expect(
      segmentsOf([
        "Priya Raman: The full rollout needs security review and a signed data-processing agree-",
        "ment before we start.",
        "Dana Whitfield: Our CFO signs the agreement once legal has reviewed the read-only scope.",
        "Priya Raman: Good.",
        "Dana Whitfield: Thanks.",
      ]),
    ).toEqual([
      ["Priya Raman", "The full rollout needs security review and a signed data-processing agreement before we start."],
      ["Dana Whitfield", "Our CFO signs the agreement once legal has reviewed the read-only scope."],
      ["Priya Raman", "Good."],
      ["Dana Whitfield", "Thanks."],
    ]);
  });

  it("checks the time while it works", () => {
    let calls = 0;
    buildPdfSegments(
      Array.from({ length: 1200 }, () => "Line."),
      new TextBuilder(5000),
      () => calls++,
    );
    expect(calls).toBeGreaterThanOrEqual(3);
  });
});
