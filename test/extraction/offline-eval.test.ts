import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { type EvaluationReport, runEvaluation } from "../../src/evaluation/run-evaluation.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { CORPUS_DIR } from "../support/corpus-dir.ts";
import { describeWithCorpus } from "../support/describe-with-corpus.ts";

const FIXTURES_DIR = resolve(import.meta.dirname, "../../fixtures");
const SHARED_GOLD_DIR = resolve(CORPUS_DIR, "../gold");

async function evaluate(goldDir: string, corpusDir: string): Promise<EvaluationReport> {
  return runEvaluation({ goldDir, corpusDir, extractor: createOfflineExtractor(), limits: DEFAULT_LIMITS });
}

function expectExactCitations(report: EvaluationReport): void {
  expect(report.citations.verified).toBeGreaterThan(0);
  expect(report.citations.unverified).toBe(0);
  expect(report.citations.exactShare).toBe(1);
  expect(report.citations.validShare).toBe(1);
}

describe("offline extractor against the gold files", () => {
  it("finds most of the sample deal with exact citations", async () => {
    const report = await evaluate(resolve(FIXTURES_DIR, "gold"), FIXTURES_DIR);
    expect(report.extractor.kind).toBe("offline");
    expect(report.recall).toBeGreaterThanOrEqual(0.6);
    expect(report.precision).toBeGreaterThanOrEqual(0.45);
    expectExactCitations(report);
    for (const file of report.files) expect(file.score.goldQuotesMissing).toEqual([]);
  });
});

describeWithCorpus("offline extractor against the shared gold files", () => {
  it("keeps its recall on the shared gold files", async () => {
    const report = await evaluate(SHARED_GOLD_DIR, CORPUS_DIR);
    expect(report.recall).toBeGreaterThanOrEqual(0.8);
    expectExactCitations(report);
  });
}, ["../gold"]);

describeWithCorpus("offline extractor against the corpus calls annotated for issue 10", () => {
  it("meets issue 10's recall and precision targets on the corpus gold, every gold quote in its source", async () => {
    const report = await evaluate(resolve(FIXTURES_DIR, "gold/corpus"), CORPUS_DIR);
    expect(report.recall).toBeGreaterThanOrEqual(0.7);
    expect(report.precision).toBeGreaterThanOrEqual(0.75);
    expectExactCitations(report);
    for (const file of report.files) expect(file.score.goldQuotesMissing).toEqual([]);
  });
});
