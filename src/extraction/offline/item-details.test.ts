import { describe, expect, it } from "vitest";
import { fillDetails, findByDay, findDue } from "./item-details.ts";

describe("findDue", () => {
  it("takes the day after 'by' over a day named earlier in the sentence", () => {
    expect(findDue("Omar will share the rollout plan with the June 3 launch dates by May 14.")).toBe("May 14");
  });

  it("looks past a 'by' that names no day", () => {
    expect(findDue("The export is handled by the data team and lands by Friday.")).toBe("Friday");
  });

  it("falls back to the first day a sentence names", () => {
    expect(findDue("Let's meet Thursday, June 4 to go over it.")).toBe("Thursday, June 4");
  });

  it("says null when no day is named", () => {
    expect(findDue("We'll get back to you.")).toBeNull();
  });
});

describe("findByDay", () => {
  it("answers only a day introduced by 'by', 'before' or the like", () => {
    expect(findByDay("Send it before Monday, please.")).toBe("Monday");
    expect(findByDay("The March 16 go-live stands.")).toBeNull();
  });
});

describe("fillDetails of a promise", () => {
  const promise = (text: string) =>
    fillDetails({ section: "promises", text, speaker: "Ana Gomez", side: "seller", named: [], addressee: null });

  it("reads a promise as explicit when it calls itself a commitment", () => {
    expect(promise("Our team will move the case history at no cost. Please treat this note as our commitment.").explicit).toBe(true);
    expect(promise("Our team will move the case history at no cost.").explicit).toBe(false);
  });
});
