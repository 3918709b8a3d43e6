import { describe, expect, it } from "vitest";
import { describeItem, quoteText } from "./describe-item.ts";
import type { ItemFacts } from "./item-facts.ts";

const facts = (over: Partial<ItemFacts>): ItemFacts => ({
  section: "stakeholders",
  text: "I've got Ray from IT.",
  speaker: "Nate Brennan",
  side: "customer",
  named: [],
  addressee: null,
  ...over,
});

describe("describeItem", () => {
  it("says who mentioned a person as a person would, and a speaker's own introduction without a frame", () => {
    expect(describeItem(facts({}), { name: "Ray Tanaka" }, "call.vtt")).toBe(
      "Ray Tanaka (mentioned by Nate Brennan): “I've got Ray from IT.”",
    );
    expect(describeItem(facts({}), { name: "Elaine Kovac", title: "COO" }, "call.vtt")).toBe(
      "Elaine Kovac, COO (mentioned by Nate Brennan): “I've got Ray from IT.”",
    );
    expect(describeItem(facts({ speaker: "Ray Tanaka" }), { name: "Ray Tanaka", title: "Director of IT" }, "call.vtt")).toBe(
      "Ray Tanaka (Director of IT): “I've got Ray from IT.”",
    );
  });

  it("names someone known by title only by that title, never by a made-up name", () => {
    const said = facts({ text: "Our CEO approved the budget.", speaker: "Sarah Chen" });
    expect(describeItem(said, { name: null, title: "CEO" }, "call.md")).toBe(
      "CEO (name not stated), per Sarah Chen: “Our CEO approved the budget.”",
    );
    expect(describeItem(said, { name: null, title: null }, "call.md")).toBe(
      "On the people involved, per Sarah Chen: “Our CEO approved the budget.”",
    );
  });

  it("names a speaker who says who they are as the person, not as someone mentioned", () => {
    expect(describeItem(facts({ text: "It's John Smith.", speaker: "Customer" }), { name: "John Smith" }, "call.json")).toBe(
      "John Smith: “It's John Smith.”",
    );
  });

  it("labels an item by what the section does not already say, without side tags", () => {
    expect(describeItem(facts({ section: "technicalEnvironment", text: "It's Haulwise." }), { system: "TMS" }, "call.vtt")).toBe(
      "TMS, per Nate Brennan: “It's Haulwise.”",
    );
    expect(describeItem(facts({ section: "redFlags", text: "We froze hiring." }), { kind: "budget" }, "call.vtt")).toBe(
      "Budget risk, per Nate Brennan: “We froze hiring.”",
    );
  });

  it("labels a concern by whose it is and who answered, the heading saying it is a concern", () => {
    const concern = facts({ section: "objections", text: "The number is too high.", speaker: "Gloria" });
    expect(describeItem(concern, {}, "call.vtt")).toBe("Gloria: “The number is too high.”");
    expect(describeItem({ ...concern, answer: { speaker: "Dana", text: "We can phase it.", resolved: "partly" } }, {}, "call.vtt")).toBe(
      "Gloria, answered by Dana: “The number is too high.” “We can phase it.”",
    );
    expect(describeItem({ ...concern, speaker: null }, {}, "notes.pdf")).toBe("In notes.pdf: “The number is too high.”");
  });
});

describe("quoteText", () => {
  it("shortens a long quote between words, never inside one", () => {
    const long = `${"dispatchers ".repeat(30)}end`;
    const quoted = quoteText(long);
    expect(quoted.endsWith("dispatchers…”")).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(283);
  });
});
