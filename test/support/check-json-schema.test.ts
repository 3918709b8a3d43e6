import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkJsonSchema } from "./check-json-schema.ts";

const root = {
  components: {
    schemas: {
      Deal: z.toJSONSchema(
        z.object({
          id: z.string(),
          amount: z.number().int().nonnegative().nullable(),
          closeDate: z.string().optional(),
          tags: z.array(z.enum(["a", "b"])).max(2),
        }),
      ),
    },
  },
};
const deal = { $ref: "#/components/schemas/Deal" };

describe("checkJsonSchema", () => {
  it("accepts what a zod-generated schema describes, through a $ref", () => {
    expect(checkJsonSchema({ id: "d1", amount: 3, tags: ["a"] }, deal, root)).toEqual([]);
    expect(checkJsonSchema({ id: "d1", amount: null, closeDate: "2026-01-01", tags: [] }, deal, root)).toEqual([]);
  });

  it("names each problem with its path: extra and missing fields, types, bounds, enums, array sizes", () => {
    expect(checkJsonSchema({ id: "d1", amount: 3, tags: [], revision: 1 }, deal, root)).toEqual(["$: unexpected property revision"]);
    expect(checkJsonSchema({ amount: 3, tags: [] }, deal, root)).toEqual(["$: missing required id"]);
    expect(checkJsonSchema({ id: 1, amount: 1.5, tags: ["c", "a", "b"] }, deal, root)).toEqual([
      "$.id: expected string, got number 1",
      expect.stringMatching(/^\$\.amount: 0 of 2 anyOf alternatives match/),
      "$.amount: expected integer, got number 1.5",
      "$.tags: more than 2 items",
      '$.tags[0]: string "c" is not one of ["a","b"]',
    ]);
    expect(checkJsonSchema({ id: "d1", amount: -1, tags: [] }, deal, root)).toEqual([
      expect.stringMatching(/anyOf/),
      "$.amount: -1 breaks minimum 0",
    ]);
  });

  it("checks const, pattern, string length, dates and object size", () => {
    expect(checkJsonSchema({}, { type: "object", minProperties: 1 }, root)).toEqual(["$: fewer than 1 properties"]);
    expect(checkJsonSchema("ok", { const: "ok" }, root)).toEqual([]);
    expect(checkJsonSchema("no", { const: "ok" }, root)).toHaveLength(1);
    expect(checkJsonSchema("USD", { type: "string", pattern: "^[A-Z]{3}$", minLength: 3, maxLength: 3 }, root)).toEqual([]);
    expect(checkJsonSchema("usd1", { type: "string", pattern: "^[A-Z]{3}$", maxLength: 3 }, root)).toHaveLength(2);
    expect(checkJsonSchema("2026-02-28", { type: "string", format: "date" }, root)).toEqual([]);
    expect(checkJsonSchema("2026-02-30", { type: "string", format: "date" }, root)).toEqual(['$: "2026-02-30" is not a date']);
  });

  it("holds oneOf to exactly one match and allOf to every part (the error-envelope form)", () => {
    const either = { oneOf: [{ type: "integer" }, { type: "number" }] };
    expect(checkJsonSchema(1.5, either, root)).toEqual([]);
    expect(checkJsonSchema(2, either, root)).toEqual(["$: 2 of 2 oneOf alternatives match, exactly one should"]);
    const envelope = {
      allOf: [{ type: "object", properties: { error: { type: "object", required: ["code"] } }, required: ["error"] }],
      properties: { error: { properties: { code: { enum: ["NOT_FOUND"] } } } },
    };
    expect(checkJsonSchema({ error: { code: "NOT_FOUND" } }, envelope, root)).toEqual([]);
    expect(checkJsonSchema({ error: { code: "CONFLICT" } }, envelope, root)).toEqual([
      '$.error.code: string "CONFLICT" is not one of ["NOT_FOUND"]',
    ]);
    expect(checkJsonSchema({}, envelope, root)).toEqual(["$: missing required error"]);
  });

  it("refuses keywords, formats and references it cannot check instead of passing them", () => {
    expect(() => checkJsonSchema({}, { type: "object", maxProperties: 1 }, root)).toThrow(/unsupported keyword "maxProperties"/);
    expect(() => checkJsonSchema("x", { type: "string", format: "uri" }, root)).toThrow(/unsupported format "uri"/);
    expect(() => checkJsonSchema({}, { $ref: "#/components/schemas/Nope" }, root)).toThrow(/does not resolve/);
  });
});
