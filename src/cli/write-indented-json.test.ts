import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeIndentedJson } from "./write-indented-json.ts";

function written(value: unknown, levels?: number): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeIndentedJson(value, (text) => pieces.push(text), levels);
  return { text: pieces.join(""), pieces };
}

describe("writeIndentedJson", () => {
  it("writes exactly what JSON.stringify(value, null, 2) returns, at any depth of members written one by one", () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true, withObjectString: false }),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 4 }), (value, levels) => {
        expect(written(value, levels).text).toBe(JSON.stringify(value, null, 2) ?? "null");
      }),
    );
  });

  it("leaves out what JSON leaves out, writes null for it in arrays and uses toJSON", () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: new Date(0), e: { toJSON: () => "x" } };
    expect(written(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it("hands a large value over in chunks instead of one string", () => {
    const items = Array.from({ length: 5_000 }, (_, index) => ({ id: index, statement: "a claim ".repeat(10) }));
    const { text, pieces } = written({ items });
    expect(text).toBe(JSON.stringify({ items }, null, 2));
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(text.length / 4);
  });
});
