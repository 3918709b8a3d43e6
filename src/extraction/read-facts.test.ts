import { describe, expect, it } from "vitest";
import { readFacts } from "./read-facts.ts";

const facts = (sentence: string) => readFacts(sentence).map(({ key, value, approximate }) => ({ key, value, approximate }));

describe("readFacts", () => {
  it.each([
    ["I'd say about 150 seats.", [{ key: "seats", value: 150, approximate: true }]],
    ["Quantity: 120 agent seats", [{ key: "seats", value: 120, approximate: false }]],
    ["We need a hundred and twenty named user licenses.", [{ key: "seats", value: 120, approximate: false }]],
    ["Company size: approx. 1,400 employees", [{ key: "employees", value: 1400, approximate: true }]],
    ["Target go-live: March 16, 2026", [{ key: "go-live", value: 316, approximate: false }]],
    ["Kickoff is on Tuesday, February 17 at 9:00 AM.", [{ key: "kickoff", value: 217, approximate: false }]],
  ])("%s", (sentence, expected) => {
    expect(facts(sentence)).toEqual(expected);
  });

  it.each([
    ["a price per seat", "That puts you at four ninety-two a seat."],
    ["a price with a dollar sign", "That is $492 seats? No."],
    ["a per-unit price", "List price is six hundred per agent seat per year."],
    ["a change over time", "We went from 100 to 150 seats last year."],
    ["two counts of one unit", "Either 100 seats or 150 seats would work."],
    ["two dates", "Sam sends the plan with the March 16 go-live milestones by February 11."],
    ["a date without its event", "I don't think March 16 holds."],
  ])("ignores %s", (_, sentence) => {
    expect(readFacts(sentence)).toEqual([]);
  });
});
