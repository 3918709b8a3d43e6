import { describe, expect, it } from "vitest";
import { parseParticipantEntry, splitParticipantList } from "./parse-participant-entry.ts";

describe("parseParticipantEntry", () => {
  it.each([
    ["Sarah Chen (VP Sales, Nextera Health)", { name: "Sarah Chen", title: "VP Sales", company: "Nextera Health" }],
    ["- Marcus (TribeAI Account Executive)", { name: "Marcus", title: "Account Executive", company: "TribeAI" }],
    ["James Rodriguez, CRO, ScaleUp Inc", { name: "James Rodriguez", title: "CRO", company: "ScaleUp Inc" }],
    ["Ana Ruiz, Head of IT at Acme Corp", { name: "Ana Ruiz", title: "Head of IT", company: "Acme Corp" }],
    ["Tom Becker – IT Director", { name: "Tom Becker", title: "IT Director" }],
    ["Kim Lee (Acme)", { name: "Kim Lee", company: "Acme" }],
    ["**Li Wei** <li@acme.example>", { name: "Li Wei", email: "li@acme.example" }],
    ["Jo Park: Customer Success Manager, Vendo", { name: "Jo Park", title: "Customer Success Manager", company: "Vendo" }],
  ])("reads %s", (entry, expected) => {
    expect(parseParticipantEntry(entry)).toEqual(expected);
  });

  it.each(["", "12345", "This sentence is clearly far too long to be anybody's name at all"])("rejects %j", (entry) => {
    expect(parseParticipantEntry(entry)).toBeNull();
  });
});

describe("splitParticipantList", () => {
  it("splits on commas outside parentheses and on 'and'", () => {
    expect(splitParticipantList("A B (VP, X), C D (AE, Y) and E F")).toEqual(["A B (VP, X)", "C D (AE, Y)", "E F"]);
  });

  it("prefers semicolons when present, so entries may hold commas", () => {
    expect(splitParticipantList("Ana Ruiz, CFO; Ben Cole, AE")).toEqual(["Ana Ruiz, CFO", "Ben Cole, AE"]);
  });
});
