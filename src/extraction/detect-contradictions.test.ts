import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { detectContradictions } from "./detect-contradictions.ts";

const call = buildParsedSource({
  id: "call",
  filename: "call.vtt",
  turns: [
    ["Ana", "How many people would be in the tool?"],
    ["Ben", "I'd say about 150 seats, maybe a few more."],
    ["Ana", "Great. Target go-live is March 2 if we kick off next week."],
  ],
});
const orderForm = buildParsedSource({
  id: "form",
  filename: "order-form.pdf",
  turns: [
    [null, "Quantity: 120 agent seats"],
    [null, "Target go-live: March 2, 2026"],
  ],
});

describe("detectContradictions", () => {
  it("flags the same quantity with different numbers in two sources, citing both", () => {
    const [item, ...rest] = detectContradictions([call, orderForm]);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ section: "redFlags", flags: ["contradiction"], details: { kind: "contradiction", severity: "high" } });
    expect(item!.evidence).toEqual([
      { sourceId: "call", segmentId: "s2", quote: "I'd say about 150 seats, maybe a few more." },
      { sourceId: "form", segmentId: "s1", quote: "Quantity: 120 agent seats" },
    ]);
    expect(item!.statement).toContain("150 (call.vtt) vs 120 (order-form.pdf)");
  });

  it("cites only spans that are verbatim in their segment", () => {
    const sources = [call, orderForm];
    for (const item of detectContradictions(sources)) {
      for (const evidence of item.evidence) {
        const source = sources.find((s) => s.source.id === evidence.sourceId)!;
        expect(source.segments.find((s) => s.id === evidence.segmentId)!.text).toContain(evidence.quote);
      }
    }
  });

  it("flags different dates for the same event", () => {
    const email = buildParsedSource({ id: "mail", filename: "thread.eml", turns: [["Ana", "We are on track: go-live on March 9."]] });
    const items = detectContradictions([orderForm, email]);
    expect(items).toHaveLength(1);
    expect(items[0]!.statement).toContain("the go-live date");
  });

  it("keeps quiet when the sources agree, or an approximate number is close", () => {
    const agreeing = buildParsedSource({ id: "mail", filename: "thread.eml", turns: [["Ana", "Roughly 118 seats, go-live March 2nd."]] });
    expect(detectContradictions([orderForm, agreeing])).toEqual([]);
  });

  it("does not compare numbers within one source", () => {
    const changing = buildParsedSource({
      id: "call",
      filename: "call.vtt",
      turns: [
        ["Ben", "We started with 100 seats."],
        ["Ben", "Now we need 150 seats."],
      ],
    });
    expect(detectContradictions([changing])).toEqual([]);
  });
});
