import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { renderDraftMarkdown } from "../../src/drafting/render-draft-markdown.ts";
import type { Draft } from "../../src/domain/draft.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { CORPUS_DIR } from "../support/corpus-dir.ts";
import { describeWithCorpus } from "../support/describe-with-corpus.ts";
import {
  createTestExtractor,
  draftWith,
  FIXTURES_DIR,
  parseFiles,
  parseSampleDeal,
  readLlmAnswer,
  useTempDatabase,
} from "../support/llm-test-harness.ts";
import { completionReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();
const now = () => new Date("2026-02-10T12:00:00Z");
// Hand-written: an unrelated mailing-list thread about shell globbing.
const THREAD = join(FIXTURES_DIR, "deals/off-topic-probe/mailing-list-thread.eml");

const citesFile = (draft: Draft, filename: string) => {
  const id = draft.sources.find((s) => s.filename === filename)?.id;
  return (item: Draft["items"][number]) => item.citations.some((c) => c.sourceId === id);
};

function expectSetAside(draft: Draft, filename: string): void {
  expect(draft.warnings).toEqual([expect.objectContaining({ kind: "off-topic-source", filename })]);
  expect(draft.items.filter(citesFile(draft, filename))).toEqual([]);
  const moved = draft.needsChecking.filter(citesFile(draft, filename));
  expect(moved.length).toBeGreaterThan(0);
  for (const item of moved) {
    expect(item.flags).toContain("off-topic-source");
    expect(item.details?.needsCheckingReason).toMatch(new RegExp(`^${filename.replace(".", "\\.")} shares no people, company or subject`));
  }
}

describe("an unrelated mailing-list thread uploaded with the sample deal", () => {
  it("is named in a draft-level warning, its items listed for checking with the reason (offline)", async () => {
    const sources = [...(await parseSampleDeal()), ...(await parseFiles([THREAD]))];
    const draft = await createDraft(sources, { extractor: createOfflineExtractor(), now });
    expectSetAside(draft, "mailing-list-thread.eml");
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain(
      "> **Warning:** mailing-list-thread.eml shares no people, company or subject with the deal's other sources: check that it belongs to this deal.",
    );
    expect(markdown).toContain("  - _to check: mailing-list-thread.eml shares no people");
  });

  it("leaves the sample deal alone: no source of it is off-topic", async () => {
    const draft = await createDraft(await parseSampleDeal(), { extractor: createOfflineExtractor(), now });
    expect(draft.warnings).toEqual([]);
    expect(draft.needsChecking.filter((item) => item.flags?.includes("off-topic-source"))).toEqual([]);
  });

  it("is set aside on the LLM path too (hand-written model answer citing the thread as pricing and a next step)", async () => {
    const sources = [...(await parseSampleDeal()), ...(await parseFiles([THREAD]))];
    const answer = readLlmAnswer("kestrel-ridge-freight");
    // S162 is the thread's one message, after the sample deal's S1–S161.
    answer.accountOverview!.push({
      statement: "Pricing depends on the glob.",
      evidence: [{ segment: "S162", quote: "With shopt -s dotglob the loop also picks up .git" }],
      field: "pricing",
      value: "depends on the glob",
    });
    answer.nextSteps!.push({
      statement: "The maintainers merge the dotglob patch by Friday.",
      evidence: [{ segment: "S162", quote: "The next step is for the maintainers to merge the dotglob patch by Friday." }],
      action: "merge the dotglob patch",
      owner: "the maintainers",
      due: "Friday",
    });
    llm.enqueue(completionReply(answer));
    // A context window that fits the whole deal: one call, one answer.
    const draft = await draftWith(await createTestExtractor(database.current(), { BATON_LLM_CONTEXT_TOKENS: "131072" }), sources);
    expect(llm.requests).toHaveLength(1);
    expectSetAside(draft, "mailing-list-thread.eml");
    expect(
      draft.needsChecking
        .filter(citesFile(draft, "mailing-list-thread.eml"))
        .map((item) => item.section)
        .sort(),
    ).toEqual(["accountOverview", "nextSteps"]);
  });
});

describeWithCorpus("a real mailing-list archive uploaded with the sample deal", () => {
  it("is flagged, and its items listed for checking", async () => {
    const sources = [...(await parseSampleDeal()), ...(await parseFiles([join(CORPUS_DIR, "email/mbox/mbox_complex.mbox")]))];
    const draft = await createDraft(sources, { extractor: createOfflineExtractor(), now });
    expectSetAside(draft, "mbox_complex.mbox");
  });
}, ["email/mbox/mbox_complex.mbox"]);
