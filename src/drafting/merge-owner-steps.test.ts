import { describe, expect, it } from "vitest";
import type { Citation } from "../domain/citation.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { mergeOwnerSteps } from "./merge-owner-steps.ts";

let offset = 0;
const step = (sourceId: string, quote: string, details: Record<string, unknown>): GroundedCandidate => {
  offset += 200;
  const citation: Citation = {
    sourceId,
    segmentId: "s1",
    speaker: "Dana",
    startMs: null,
    quote,
    charStart: offset,
    charEnd: offset + quote.length,
    match: "exact",
  };
  return {
    section: "nextSteps",
    statement: quote,
    details,
    evidence: [{ quote, sourceId, segmentId: "s1" }],
    citations: [citation],
  };
};

describe("mergeOwnerSteps", () => {
  it("joins an undated step to the same owner's dated step on the same piece of work, in the same source", () => {
    const owns = step("mail", "He'll run the migration and owns the project plan.", { owner: "Sam Okafor" });
    const plan = step("mail", "Sam will send a draft project plan by February 11.", { owner: "Sam Okafor", due: "February 11" });
    const merged = mergeOwnerSteps([owns, plan]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.citations.map((c) => c.quote)).toEqual([plan.citations[0]!.quote, owns.citations[0]!.quote]);
    expect(merged[0]!.details.due).toBe("February 11");
  });

  it("keeps apart other owners, other work, other sources and two dated steps", () => {
    const cases: GroundedCandidate[][] = [
      [
        step("mail", "He owns the project plan.", { owner: "Sam" }),
        step("mail", "Ana sends the project plan by Friday.", { owner: "Ana", due: "Friday" }),
      ],
      [
        step("mail", "He'll run the migration.", { owner: "Sam" }),
        step("mail", "Sam sends the top accounts list by Friday.", { owner: "Sam", due: "Friday" }),
      ],
      [
        step("call", "He owns the project plan.", { owner: "Sam" }),
        step("mail", "Sam sends the project plan by Friday.", { owner: "Sam", due: "Friday" }),
      ],
      [
        step("mail", "Sam sends the project plan by Friday.", { owner: "Sam", due: "Friday" }),
        step("mail", "Sam reviews the project plan by Monday.", { owner: "Sam", due: "Monday" }),
      ],
    ];
    for (const items of cases) expect(mergeOwnerSteps(items)).toHaveLength(2);
  });
});
