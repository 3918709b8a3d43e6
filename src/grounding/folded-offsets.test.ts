import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FoldedOffsetsWriter } from "./folded-offsets.ts";
import { normalizeForMatching } from "./normalize-for-matching.ts";

describe("FoldedOffsets", () => {
  it("reads back every offset pushed, and finds the first at or after any value, as a plain array would", () => {
    // Steps of 0 (an ellipsis' dots), 1 (a kept character) and more (dropped whitespace or dashes).
    const offsets = fc
      .tuple(fc.nat(5), fc.array(fc.oneof(fc.constant(1), fc.constant(1), fc.nat(4)), { maxLength: 80 }))
      .map(([first, steps]) => {
        const all = [first];
        for (const step of steps) all.push(all.at(-1)! + step);
        return all;
      });
    fc.assert(
      fc.property(offsets, (expected) => {
        const writer = new FoldedOffsetsWriter();
        for (const offset of expected) writer.push(offset);
        const folded = writer.finish();
        expect(folded.length).toBe(expected.length);
        expect(expected.map((_, index) => folded.at(index))).toEqual(expected);
        for (let value = -1; value <= expected.at(-1)! + 2; value += 1) {
          const first = expected.findIndex((offset) => offset >= value);
          expect(folded.lowerBound(value)).toBe(first === -1 ? expected.length : first);
        }
      }),
    );
  });

  it("maps folded words back to the original text across dropped spaces, dashes and ellipses", () => {
    const original = "We will  refund — the fee… today.\n\nOkay.";
    const { text, offsets } = normalizeForMatching(original);
    expect(text).toBe("we will refund-the fee...today. okay.");
    for (const word of ["refund", "the", "today", "okay"]) {
      expect(original.slice(offsets.at(text.indexOf(word)), offsets.at(text.indexOf(word) + word.length - 1) + 1).toLowerCase()).toBe(word);
    }
    expect(offsets.lowerBound(original.indexOf("today") - 1)).toBe(text.indexOf("today"));
  });
});
