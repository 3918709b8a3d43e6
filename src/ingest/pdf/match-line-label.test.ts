import { describe, expect, it } from "vitest";
import { findSpeakerStyles, matchLineLabel } from "./match-line-label.ts";

describe("matchLineLabel", () => {
  it.each([
    ["CHAIR POWELL. Good afternoon.", "caps", "CHAIR POWELL", "Good afternoon."],
    ["MR. SMITH. Thank you.", "caps", "MR. SMITH", "Thank you."],
    ["NANCY MARSHALL-GENZER. Hi, Chair Powell.", "caps", "NANCY MARSHALL-GENZER", "Hi, Chair Powell."],
    ["JOSÉ ÁLVAREZ.", "caps", "JOSÉ ÁLVAREZ", ""],
    ["Dana Whitfield: Thanks for joining.", "colon", "Dana Whitfield", "Thanks for joining."],
    ["Dr. Ana Lee: Yes.", "colon", "Dr. Ana Lee", "Yes."],
    ["Q: What is the price?", "colon", "Q", "What is the price?"],
  ])("reads %j as a speaker label", (line, kind, label, rest) => {
    expect(matchLineLabel(line)).toEqual({ kind, label, rest });
  });

  it.each([
    "FOMC. The Committee decided", // one bare capitalized word: an acronym ending a sentence
    "U.S. ECONOMY. Growth was", // initials, not a label
    "To Whom it May Concern:", // a lowercase word
    "To conclude: We understand",
    "10:30 Kickoff",
    "- Dana: send the list",
    "the CHAIR POWELL. said",
  ])("does not read %j as a speaker", (line) => {
    expect(matchLineLabel(line)?.kind ?? "field").toBe("field");
  });

  it("tells field names from speakers", () => {
    expect(matchLineLabel("Attendees: Dana, Priya")).toEqual({ kind: "field", label: "Attendees", rest: "Dana, Priya" });
    expect(matchLineLabel("Action items:")?.kind).toBe("field");
  });

  it("ignores labels past the start of a very long line", () => {
    expect(matchLineLabel(`${"A".repeat(100)}: text`)).toBeNull();
  });
});

describe("findSpeakerStyles", () => {
  it("needs two different labels that each come back", () => {
    expect(findSpeakerStyles(["Dana: Hi.", "Priya: Hello.", "Dana: Shall we?", "Priya: Yes."])).toEqual(new Set(["colon"]));
    expect(findSpeakerStyles(["CHAIR POWELL. Hi.", "JEFF COX. Q?", "CHAIR POWELL. A.", "JEFF COX. Thanks."])).toEqual(new Set(["caps"]));
  });

  it("does not take form fields or one-off labels in prose for speakers", () => {
    expect(findSpeakerStyles(["Update: the rollout slipped.", "Reason: the vendor.", "More prose."])).toEqual(new Set());
    expect(findSpeakerStyles(["Dana: Hi.", "Priya: Hello.", "Dana: Bye."])).toEqual(new Set());
    const orderForm = ["Product: Seats", "Quantity: 40", "Product: Support", "Quantity: 1", "Total: $48,000"];
    expect(findSpeakerStyles(orderForm)).toEqual(new Set());
  });
});
