import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleNameSchema } from "./visible-name.ts";

const schema = visibleNameSchema(200);
const INVISIBLE = [
  "\u0000",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  " ",
  "\t",
  "\u00A0",
  "\u3000",
  "\u3164",
  "\u115F",
  "\uFE0F",
  "\u2800",
  "\u0301",
];

describe("visibleNameSchema", () => {
  it("refuses names made only of NUL, zero-width, blank or filler characters, however they are combined", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 20 }), (characters) => {
        expect(schema.safeParse(characters.join("")).success).toBe(false);
      }),
    );
  });

  it("accepts a name with visible characters among invisible ones that are not controls", () => {
    const allowed = INVISIBLE.filter((c) => c !== "\u0000" && c !== "\t");
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...allowed), { maxLength: 5 }),
        fc.constantFrom("Acme", "Ærø", "محمد", "株式会社", "👍🏽"),
        (noise, name) => {
          expect(schema.safeParse(`${name}${noise.join("")}`).success).toBe(true);
        },
      ),
    );
  });

  it("refuses control and bidi override characters anywhere", () => {
    for (const value of ["Ac\u0000me", "Acme\u0007", "Acme\u202Egnp.exe", "a\u2066b"])
      expect(schema.safeParse(value).success, value).toBe(false);
  });
});
