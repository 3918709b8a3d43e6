import { describe, expect, it } from "vitest";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { renderDraftMarkdown } from "../../src/drafting/render-draft-markdown.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { parseSampleDeal } from "../support/llm-test-harness.ts";

const now = () => new Date("2026-02-10T12:00:00Z");
const contractGaps = (draft: Awaited<ReturnType<typeof createDraft>>) => draft.gaps.filter((gap) => gap.id?.startsWith("accountOverview."));

describe("contract gaps on the sample deal", () => {
  it("asks nothing about value, seats, plan, start or renewal when the order form states them", async () => {
    const draft = await createDraft(await parseSampleDeal(), { extractor: createOfflineExtractor(), now });
    expect(contractGaps(draft)).toEqual([]);
  });

  it("without the order form, asks by name for the start and renewal dates the calls and email never state, and nothing they do state", async () => {
    const sources = (await parseSampleDeal()).filter((parsed) => parsed.source.format !== "pdf");
    const draft = await createDraft(sources, { extractor: createOfflineExtractor(), now });
    expect(contractGaps(draft).map((gap) => gap.id)).toEqual(["accountOverview.contractStart", "accountOverview.renewalDate"]);
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("_No source states, question for the AE:_ contract start date? renewal date?");
    expect(draft.gaps.find((gap) => gap.id === "accountOverview.renewalDate")?.question).toBe(
      "No source states the renewal date: when does it renew?",
    );
  });
});
