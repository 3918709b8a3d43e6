import { describe, expect, it } from "vitest";
import { pointsBack } from "./points-back.ts";

describe("pointsBack", () => {
  it("is true for a sentence whose subject is “this”, “that” or “it”, after a lead-in or not", () => {
    for (const sentence of [
      "To be clear, this isn't on the order form, so please treat this email as our commitment.",
      "That's in writing.",
      "It'll be there by Monday.",
      "And that is our commitment.",
      "Just so you know, it won't cost you anything.",
    ])
      expect(pointsBack(sentence), sentence).toBe(true);
  });

  it("is false when “this” or “that” only qualifies a noun, or the subject is someone", () => {
    for (const sentence of [
      "This quarter we'll do the migration for you.",
      "That migration is on us.",
      "We'll put that in the order form.",
      "Our services team will do it at no charge.",
    ])
      expect(pointsBack(sentence), sentence).toBe(false);
  });
});
