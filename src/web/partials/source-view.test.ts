import { describe, expect, it } from "vitest";
import { segmentAnchor, splitHighlight } from "./source-view.ts";

const text = "Alpha beta. Gamma delta epsilon.";
const first = { text: "Alpha beta.", charStart: 0, charEnd: 11 };
const second = { text: "Gamma delta epsilon.", charStart: 12, charEnd: 32 };

describe("splitHighlight", () => {
  it("marks exactly the cited span of a segment", () => {
    const from = text.indexOf("delta");
    expect(splitHighlight(second, { from, to: from + 5 })).toEqual(["Gamma ", "delta", " epsilon."]);
  });

  it("marks each segment's share of a quote that crosses a segment boundary", () => {
    const highlight = { from: text.indexOf("beta"), to: text.indexOf("Gamma") + 5 };
    expect(splitHighlight(first, highlight)).toEqual(["Alpha ", "beta.", ""]);
    expect(splitHighlight(second, highlight)).toEqual(["", "Gamma", " delta epsilon."]);
  });

  it("marks nothing in a segment the span does not touch", () => {
    expect(splitHighlight(first, { from: 12, to: 17 })).toBeNull();
    expect(splitHighlight(first, { from: 11, to: 12 })).toBeNull();
  });
});

describe("segmentAnchor", () => {
  it("gives ids safe in a URL fragment and unique per source", () => {
    expect(segmentAnchor("src_1", "s 4")).toBe("seg-src_1-s_4");
    expect(segmentAnchor("src_1", "s4")).not.toBe(segmentAnchor("src_2", "s4"));
  });
});
