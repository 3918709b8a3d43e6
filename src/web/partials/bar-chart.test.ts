import { describe, expect, it } from "vitest";
import { renderBarChart, wrapLabel } from "./bar-chart.ts";

describe("wrapLabel", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("Next steps", 19, 2)).toEqual(["Next steps"]);
  });

  it("wraps a long section title at a space instead of cutting it", () => {
    expect(wrapLabel("Stakeholders and political dynamics", 19, 2)).toEqual(["Stakeholders and", "political dynamics"]);
  });

  it("ends a label too long for two lines in an ellipsis", () => {
    const lines = wrapLabel("Commercial terms and what the customer was promised in writing", 19, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    expect(lines.every((line) => line.length <= 19)).toBe(true);
  });

  it("cuts one unbroken word longer than a line", () => {
    expect(wrapLabel("Supercalifragilisticexpialidocious", 10, 2)).toEqual(["Supercali…"]);
  });
});

describe("renderBarChart", () => {
  it("draws a wrapped label as two lines and keeps the whole label as its tooltip only when shortened", () => {
    const chart = String(
      renderBarChart({
        id: "c",
        title: "Most missed",
        description: "d",
        max: 2,
        bars: [
          { label: "Stakeholders and political dynamics", value: 2, text: "2 of 2" },
          { label: "Commercial terms and what the customer was promised in writing", value: 1, text: "1 of 2" },
        ],
      }),
    );
    expect(chart).toContain(">Stakeholders and</tspan>");
    expect(chart).toContain(">political dynamics</tspan>");
    expect(chart).toContain("<title>Commercial terms and what the customer was promised in writing</title>");
    expect(chart).not.toContain("<title>Stakeholders and political dynamics</title>");
  });
});
