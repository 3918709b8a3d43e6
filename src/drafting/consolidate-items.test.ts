import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import type { Citation } from "../domain/citation.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { SectionKey } from "../domain/sections.ts";
import { consolidateItems } from "./consolidate-items.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

// A made-up note: Ben worries who migrates the case history; Ana answers with a promise, then says more of it.
const TURNS = [
  ["Ben Carter", "My team has no time to move the case history."],
  ["Ana Gomez", "Our onboarding team will move all five years of case history at no cost."],
  ["Ana Gomez", "To be clear, this isn't in the contract, so treat this note as our commitment."],
  ["Ana Gomez", "Two days of on-site training for your leads, plus recorded sessions."],
] as const;
const NOTE = buildParsedSource({ id: "src_note", filename: "note.eml", turns: TURNS.map(([speaker, text]) => [speaker, text]) });

const citeTurn = (parsed: ParsedSource, turn: number): Citation => {
  const segment = parsed.segments[turn]!;
  return {
    sourceId: parsed.source.id,
    segmentId: segment.id,
    speaker: segment.speaker,
    startMs: null,
    quote: segment.text,
    charStart: segment.charStart,
    charEnd: segment.charEnd,
    match: "exact",
  };
};
const cite = (turn: number): Citation => citeTurn(NOTE, turn);

const item = (section: SectionKey, turns: number[], details: Record<string, unknown> = {}): GroundedCandidate => {
  const citations = turns.map(cite);
  return {
    section,
    statement: citations.map((c) => `“${c.quote}”`).join(" "),
    details,
    evidence: citations.map((c) => ({ quote: c.quote, sourceId: c.sourceId, segmentId: c.segmentId })),
    citations,
  };
};

const quotesBySection = (items: GroundedCandidate[]) => items.map((i) => [i.section, i.citations.map((c) => c.quote)]);

describe("consolidateItems: an objection's answer that states a promise", () => {
  it("is cited by the promise when the promise says nothing else but a line pointing back at it", () => {
    const concern = item("objections", [0, 1], { answer: TURNS[1][1], raisedBy: "Ben Carter" });
    const promise = item("promises", [1, 2], { promisedBy: "Ana Gomez" });
    expect(quotesBySection(consolidateItems([concern, promise], [NOTE]))).toEqual([
      ["objections", [TURNS[0][1]]],
      ["promises", [TURNS[1][1], TURNS[2][1]]],
    ]);
  });

  it("stays the objection's when the promise states more of its own", () => {
    const concern = item("objections", [0, 1], { answer: TURNS[1][1], raisedBy: "Ben Carter" });
    const promise = item("promises", [1, 3], { promisedBy: "Ana Gomez" });
    expect(quotesBySection(consolidateItems([concern, promise], [NOTE]))).toEqual([
      ["objections", [TURNS[0][1], TURNS[1][1]]],
      ["promises", [TURNS[3][1]]],
    ]);
  });
});

describe("consolidateItems: an objection's own words", () => {
  it("keep a short concern (“What's the catch?”) beside the answer; other short lines still go", () => {
    const call = buildParsedSource({
      id: "src_call",
      filename: "call.md",
      turns: [
        ["Michael", "What's the catch?"],
        ["Sarah", "Setup takes about a month with your admin."],
        ["Michael", "Sounds good."],
      ],
    });
    const at = (turn: number): Citation => citeTurn(call, turn);
    const objection: GroundedCandidate = {
      section: "objections",
      statement: "Michael, answered by Sarah",
      details: { raisedBy: "Michael", answer: "Setup takes about a month with your admin." },
      evidence: [],
      citations: [at(0), at(1), at(2)],
    };
    expect(quotesBySection(consolidateItems([objection], [call]))).toEqual([
      ["objections", ["What's the catch?", "Setup takes about a month with your admin."]],
    ]);
  });
});
