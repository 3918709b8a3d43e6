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
