import { describe, expect, it } from "vitest";
import { restatesHeading } from "./restates-heading.ts";

describe("restatesHeading", () => {
  const heading = "Ana Ruiz CFO economic buyer supportive";

  it("is true when every word but function words is in the heading", () => {
    expect(restatesHeading("Ana Ruiz, our CFO.", heading)).toBe(true);
    expect(restatesHeading("Ana's our CFO", heading)).toBe(true);
  });

  it("is false when the words say anything more, or nothing at all", () => {
    expect(restatesHeading("Ana signs anything over fifty thousand", heading)).toBe(false);
    expect(restatesHeading("Ana Ruiz, our former CFO", heading)).toBe(false);
    expect(restatesHeading("", heading)).toBe(false);
    expect(restatesHeading("she is the one", heading)).toBe(false);
  });
});
