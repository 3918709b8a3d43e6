import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPiiMask } from "./pii-mask.ts";

describe("createPiiMask", () => {
  it("replaces email addresses and phone numbers with stable placeholders and restores them", () => {
    const mask = createPiiMask();
    const text = "Mail dana.whitlock@corvala.example or call +1 (509) 555-0147; again: dana.whitlock@corvala.example.";
    const masked = mask.mask(text);
    expect(masked).toBe("Mail [EMAIL_1] or call [PHONE_1]; again: [EMAIL_1].");
    expect(mask.unmask(masked)).toBe(text);
    expect(mask.mask("ray.tanaka@kestrelfreight.example")).toBe("[EMAIL_2]");
  });

  it("leaves dates, amounts, order numbers and things that only look like addresses alone", () => {
    const text = "Order Q-2026-0142 on 2026-02-06 for $77,040.00, 150 seats; a@b, @corvala.example, me@host.c0m";
    expect(createPiiMask().mask(text)).toBe(text);
  });

  // Its time is measured by `npm run bench llm` (worst-case inputs).
  it("reads long runs of address characters, none of them an address", () => {
    const mask = createPiiMask();
    const text = `${"a".repeat(200_000)} ${"7".repeat(200_000)} ${"x.y@a.b ".repeat(20_000)}`;
    expect(mask.mask(text)).toBe(text);
  });

  it("gives back any text without brackets unchanged after masking and unmasking", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab.@-_+ 0123456789()\n"), maxLength: 200 }), (text) => {
        const mask = createPiiMask();
        expect(mask.unmask(mask.mask(text))).toBe(text);
      }),
    );
  });
});
