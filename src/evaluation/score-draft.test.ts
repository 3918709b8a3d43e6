import { describe, expect, it } from "vitest";
import type { Draft } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import type { SectionKey } from "../domain/sections.ts";
import { buildParsedSource } from "../../test/support/build-parsed-source.ts";
import { measureDraft } from "./measure-draft.ts";
import { listMismatches, scoreDraft } from "./score-draft.ts";

const parsed = buildParsedSource({
  id: "src_1",
  filename: "call.txt",
  turns: [
    ["Gloria", "The number is too high for us this year."],
    ["Dana", "I will send the revised order form tomorrow."],
  ],
});

function itemCiting(section: SectionKey, quote: string): DraftItem {
  const charStart = parsed.source.text.indexOf(quote);
  return {
    id: `itm_${section}_${charStart}`,
    section,
    statement: quote,
    status: "draft",
    citations: [
      {
        sourceId: "src_1",
        segmentId: "s1",
        speaker: null,
        startMs: null,
        quote,
        charStart,
        charEnd: charStart + quote.length,
        match: "exact",
      },
    ],
  };
}

function draftOf(items: DraftItem[]): Draft {
  return {
    extractor: { kind: "offline" },
    sources: [],
    items,
    needsChecking: [],
    gaps: [],
    completeness: { score: 1, sectionsFilled: 11, sectionsTotal: 11 },
    usage: { llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 },
    createdAt: "2026-02-01T00:00:00.000Z",
  };
}

const gold = {
  source: "call.txt",
  items: [{ sections: ["objections", "redFlags"] as SectionKey[], statement: "Price too high", quote: "The number is too high" }],
};

describe("scoreDraft", () => {
  it("gives full credit to a claim said once, in any section its gold item lists", () => {
    const score = scoreDraft(draftOf([itemCiting("redFlags", "The number is too high for us this year.")]), parsed, gold);
    expect(score.goldFound).toBe(1);
    expect(score.bySection.redFlags).toMatchObject({ goldItems: 1, goldFound: 1, draftCorrect: 1 });
    expect(score.bySection.objections).toMatchObject({ goldItems: 0, goldListed: 1, goldFoundListed: 0 });
  });

  it("scores a missed gold item against its first listed section, and an unannotated item as wrong", () => {
    const score = scoreDraft(draftOf([itemCiting("nextSteps", "I will send the revised order form tomorrow.")]), parsed, gold);
    expect(score.bySection.objections).toMatchObject({ goldItems: 1, goldFound: 0 });
    expect(score.bySection.nextSteps).toMatchObject({ draftItems: 1, draftCorrect: 0 });
  });
});

describe("listMismatches", () => {
  it("lists the drafted item no gold span supports and the gold item the draft missed, as scoreDraft counts them", () => {
    const draft = draftOf([itemCiting("nextSteps", "I will send the revised order form tomorrow.")]);
    expect(listMismatches(draft, parsed, gold)).toEqual({
      unmatched: [
        {
          section: "nextSteps",
          label: "I will send the revised order form tomorrow.",
          quote: "I will send the revised order form tomorrow.",
          where: "call.txt",
        },
      ],
      missed: [{ sections: ["objections", "redFlags"], statement: "Price too high", quote: "The number is too high" }],
    });
  });

  it("lists nothing when every item matches a gold item in its section", () => {
    const draft = draftOf([itemCiting("objections", "The number is too high for us this year.")]);
    expect(listMismatches(draft, parsed, gold)).toEqual({ unmatched: [], missed: [] });
  });

  it("counts an item that overlaps a gold span listing another section as unmatched", () => {
    const draft = draftOf([itemCiting("promises", "The number is too high for us this year.")]);
    const { unmatched, missed } = listMismatches(draft, parsed, gold);
    expect(unmatched.map((item) => item.section)).toEqual(["promises"]);
    expect(missed).toHaveLength(1);
  });
});

describe("measureDraft", () => {
  it("counts a quote that a second item cites again", () => {
    const quote = "The number is too high for us this year.";
    const measures = measureDraft(draftOf([itemCiting("objections", quote), itemCiting("redFlags", quote)]), [parsed]);
    expect(measures.items).toBe(2);
    expect(measures.repeatedQuotes).toBe(1);
    expect(measures.sourceWords).toBe(17);
  });
});
