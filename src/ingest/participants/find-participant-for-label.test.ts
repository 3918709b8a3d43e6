import { describe, expect, it } from "vitest";
import type { Participant } from "../../domain/source.ts";
import { findParticipantForLabel } from "./find-participant-for-label.ts";

const PEOPLE: Participant[] = [
  { name: "James Rodriguez", title: "CRO", company: "ScaleUp Inc" },
  { name: "Sarah Chen", title: "VP Sales", company: "Nextera Health", email: "s.chen@nextera.example" },
  { name: "Dr. Melissa Ko", company: "Nextera Health" },
  { name: "David Park", title: "Account Executive", company: "SixtySixTen" },
  { name: "Ludwig van Beethoven" },
];

describe("findParticipantForLabel", () => {
  it.each([
    ["James", 0],
    ["JAMES", 0],
    ["James Rodriguez", 0],
    ["JR", 0],
    ["Sarah", 1],
    ["Sarah C.", 1],
    ["Sarah C", 1],
    ["Chen", 1],
    ["s.chen", 1],
    ["s.chen@nextera.example", 1],
    ["Melissa", 2],
    ["Melissa Ko", 2],
    ["AE", 3],
    ["LB", 4],
  ])("links %s", (label, index) => {
    expect(findParticipantForLabel(label, PEOPLE)).toBe(index);
  });

  it.each(["Michael", "Speaker 1", "Sara", "Jam", "Sarah L.", "Sarah Chen Smith", "S", "J"])("finds nobody for %s", (label) => {
    expect(findParticipantForLabel(label, PEOPLE)).toBeNull();
  });

  it("does not guess between two people who share a first name", () => {
    const people: Participant[] = [{ name: "Sarah Chen" }, { name: "Sarah Lee" }];
    expect(findParticipantForLabel("Sarah", people)).toBeNull();
    expect(findParticipantForLabel("Sarah Lee", people)).toBe(1);
  });

  it("treats the same person listed twice as one, not as a clash", () => {
    const people: Participant[] = [
      { name: "Sarah Chen", email: "s@x.example" },
      { name: "Sarah Chen", email: "S@x.example" },
    ];
    expect(findParticipantForLabel("Sarah", people)).toBe(0);
  });

  it("prefers a participant whose name is exactly the label", () => {
    const people: Participant[] = [{ name: "Sarah Lee" }, { name: "Sarah" }];
    expect(findParticipantForLabel("Sarah", people)).toBe(1);
  });

  it("reads a role label as a title before initials", () => {
    const people: Participant[] = [{ name: "Anna Evans" }, { name: "David Park", title: "AE" }];
    expect(findParticipantForLabel("AE", people)).toBe(1);
  });
});
