import { describe, expect, it } from "vitest";
import type { ItemFacts } from "./item-facts.ts";
import { stakeholderDetails } from "./stakeholder-details.ts";

const facts = (text: string): ItemFacts => ({
  section: "stakeholders",
  kind: "preference",
  text,
  speaker: "Maria Lopez",
  side: "customer",
  named: [],
  addressee: null,
});

describe("stakeholderDetails: what a person cares about", () => {
  it("keeps a sentence that says what they care about", () => {
    expect(stakeholderDetails(facts("Honestly, I care about the weekly SLA report more than anything.")).caresAbout).toBe(
      "Honestly, I care about the weekly SLA report more than anything.",
    );
  });

  it("leaves out a sentence whose object is only 'this' or 'that', which says nothing read alone", () => {
    expect(stakeholderDetails(facts("Tom, to be fair, this is the one I care about.")).caresAbout).toBeNull();
    expect(stakeholderDetails(facts("That's what I care about.")).caresAbout).toBeNull();
  });

  it("still reads the speaker as supportive", () => {
    expect(stakeholderDetails(facts("Tom, to be fair, this is the one I care about.")).stance).toBe("supportive");
  });
});

describe("stakeholderDetails: a speaker under a role label", () => {
  const said = (text: string, side: ItemFacts["side"] = "customer"): ItemFacts => ({
    section: "stakeholders",
    text,
    speaker: "Customer",
    side,
    named: [],
    addressee: null,
  });

  it("takes the full name a speaker gives as theirs", () => {
    expect(stakeholderDetails(said("It's John Smith.")).name).toBe("John Smith");
    expect(stakeholderDetails(said("Yes, my name is Lee Park.")).name).toBe("Lee Park");
  });

  it("takes no name from a seller's introduction, or from a sentence that says more", () => {
    expect(stakeholderDetails(said("This is Jane Doe.", "seller")).name).toBeNull();
    expect(stakeholderDetails(said("It's John Smith who signs off on this.")).name).toBeNull();
  });
});
