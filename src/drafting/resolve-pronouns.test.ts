import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import type { Citation } from "../domain/citation.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { resolvePronouns } from "./resolve-pronouns.ts";

const turn = (text: string) =>
  buildParsedSource({
    id: "src_call",
    filename: "call.md",
    turns: [["Sarah Chen", text]],
    participants: [{ name: "Sarah Chen", side: "customer" }],
  });

/** A political-dynamics item citing `quote` of the call's one turn. */
function citing(parsed: ReturnType<typeof turn>, quote: string): GroundedCandidate {
  const charStart = parsed.source.text.indexOf(quote);
  const citation: Citation = {
    sourceId: "src_call",
    segmentId: parsed.segments[0]!.id,
    speaker: "Sarah Chen",
    startMs: 0,
    quote,
    charStart,
    charEnd: charStart + quote.length,
    match: "exact",
  };
  return {
    section: "politicalDynamics",
    statement: `Sarah Chen: “${quote}”`,
    details: {},
    evidence: [{ sourceId: "src_call", segmentId: citation.segmentId, quote }],
    citations: [citation],
  };
}

describe("resolvePronouns", () => {
  it("says “he” is the one officer the sentence before names by title alone", () => {
    const parsed = turn("It's primarily my decision with CEO sign-off. He's already bought in on the budget.");
    const [item] = resolvePronouns([citing(parsed, "He's already bought in on the budget.")], [parsed]);
    expect(item!.statement).toBe("Sarah Chen: “He's already bought in on the budget.” (“he” is the CEO)");
  });

  it("says nothing when the sentence before names two officers, or none", () => {
    const two = turn("The CFO and the CEO both signed. He's already bought in on the budget.");
    expect(resolvePronouns([citing(two, "He's already bought in on the budget.")], [two])[0]!.details).toEqual({});
    const none = turn("We talked about it for weeks. He's already bought in on the budget.");
    expect(resolvePronouns([citing(none, "He's already bought in on the budget.")], [none])[0]!.details).toEqual({});
  });
});
