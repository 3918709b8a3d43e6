import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeItemsByScan } from "../../test/support/merge-by-scan.ts";
import type { Citation } from "../domain/citation.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { mergeItems } from "./merge-items.ts";

const cite = (sourceId: string, charStart: number, charEnd: number, match: Citation["match"] = "exact", quote = "q"): Citation => ({
  sourceId,
  segmentId: "s1",
  speaker: null,
  startMs: null,
  quote,
  charStart,
  charEnd,
  match,
});

const item = (section: SectionKey, statement: string, citations: Citation[], details: Record<string, unknown> = {}): GroundedCandidate => ({
  section,
  statement,
  details,
  evidence: citations.map((c) => ({ quote: c.quote, sourceId: c.sourceId, segmentId: c.segmentId })),
  citations,
});

const spans = (items: GroundedCandidate[]) => items.map((i) => i.citations.map((c) => `${c.sourceId}:${c.charStart}-${c.charEnd}`));

describe("mergeItems", () => {
  it("merges items of one section whose verified citations overlap, not those that only touch or differ in section", () => {
    const merged = mergeItems([
      item("promises", "first", [cite("a", 100, 150)]),
      item("promises", "touches", [cite("a", 150, 180)]),
      item("objections", "other section", [cite("a", 120, 130)]),
      item("promises", "overlaps", [cite("a", 140, 160)]),
      item("promises", "other source", [cite("b", 100, 150)]),
    ]);
    expect(merged.map((m) => m.statement)).toEqual(["first", "touches", "other section", "other source"]);
    expect(spans(merged)[0]).toEqual(["a:100-150", "a:140-160"]);
  });

  it("joins an item to the first kept item it overlaps, found through a citation an earlier merge added", () => {
    const merged = mergeItems([
      item("nextSteps", "one", [cite("a", 0, 10)]),
      item("nextSteps", "two", [cite("a", 5000, 5100)]),
      // Overlaps "one", and brings the span 9000-9100 to it.
      item("nextSteps", "three", [cite("a", 5, 8), cite("a", 9000, 9100)]),
      // Overlaps "two" and, through the span "three" added, "one": the first kept wins.
      item("nextSteps", "four", [cite("a", 5050, 5060), cite("a", 9050, 9060)]),
    ]);
    expect(merged.map((m) => m.statement)).toEqual(["one", "two"]);
    expect(spans(merged)[0]).toEqual(["a:0-10", "a:5-8", "a:9000-9100", "a:5050-5060", "a:9050-9060"]);
  });

  it("ignores unverified citations when looking for overlaps and cites a repeated span once", () => {
    const merged = mergeItems([
      item("promises", "kept", [cite("a", 0, 50)]),
      item("promises", "claimed only", [cite("a", 10, 20, "unverified")]),
      item("promises", "same words, KEPT", [cite("a", 0, 50), cite("a", 0, 50)]),
    ]);
    expect(merged.map((m) => m.statement)).toEqual(["kept", "claimed only"]);
    expect(spans(merged)[0]).toEqual(["a:0-50"]);
  });

  it("finds a twin behind a long span filed far before the new one", () => {
    const merged = mergeItems([item("redFlags", "long", [cite("a", 0, 20_000)]), item("redFlags", "inside", [cite("a", 19_990, 20_010)])]);
    expect(merged.map((m) => m.statement)).toEqual(["long"]);
  });

  it("gives what comparing each item with every kept item gives, on random overlapping items", () => {
    const citation = fc.record({
      sourceId: fc.constantFrom("src_a", "src_b"),
      segmentId: fc.constantFrom("s1", "s2"),
      speaker: fc.constant(null),
      startMs: fc.constant(null),
      quote: fc.constantFrom("We will.", "we will", "Send it by Friday"),
      charStart: fc.integer({ min: 0, max: 12_000 }),
      length: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 9000 })),
      match: fc.constantFrom("exact", "exact", "normalized", "unverified"),
    });
    const candidate = fc.record({
      section: fc.constantFrom<SectionKey>("promises", "nextSteps", "objections"),
      statement: fc.constantFrom("We will send it.", "we will, send it", "Send it!", "Another claim"),
      details: fc.record({ due: fc.constantFrom(null, "Friday", "Monday"), owner: fc.constantFrom(undefined, "Dana") }),
      citations: fc.array(citation, { maxLength: 4 }),
      flags: fc.option(fc.subarray(["contradiction", "unrealistic"]), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), (drawn) => {
        const items = drawn.map(({ citations, flags, ...rest }) => ({
          ...rest,
          ...(flags === undefined ? {} : { flags }),
          citations: citations.map(({ length, ...c }) => ({ ...c, charEnd: c.charStart + length })),
          evidence: citations.map((c) => ({ quote: c.quote, sourceId: c.sourceId, segmentId: c.segmentId })),
        }));
        expect(mergeItems(structuredClone(items))).toEqual(mergeItemsByScan(structuredClone(items)));
      }),
      { numRuns: 300 },
    );
  });
});
