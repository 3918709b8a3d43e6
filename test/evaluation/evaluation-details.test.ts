import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { renderEvaluation } from "../../src/evaluation/render-evaluation.ts";
import { runEvaluation } from "../../src/evaluation/run-evaluation.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";

const FIXTURES_DIR = resolve(import.meta.dirname, "../../fixtures");
const evaluate = (details: boolean) =>
  runEvaluation({
    goldDir: resolve(FIXTURES_DIR, "gold"),
    corpusDir: FIXTURES_DIR,
    extractor: createOfflineExtractor(),
    limits: DEFAULT_LIMITS,
    details,
  });

describe("baton eval details", () => {
  it("lists exactly the items precision and recall count against, per deal", async () => {
    const report = await evaluate(true);
    const sum = (pick: (score: (typeof report.files)[number]["score"]) => number) =>
      report.files.reduce((total, file) => total + pick(file.score), 0);
    expect(report.details?.map((deal) => deal.deal)).toEqual(["deals/kestrel-ridge-freight"]);
    const [deal] = report.details!;
    expect(deal!.unmatched).toHaveLength(sum((s) => s.draftItems - s.draftCorrect));
    expect(deal!.missed).toHaveLength(sum((s) => s.goldItems - s.goldFound));
    for (const item of deal!.unmatched) {
      expect(item.gold).toMatch(/\.gold\.json$/);
      expect(item.label.length).toBeGreaterThan(0);
      expect(item.where).toMatch(/\.(vtt|eml|pdf)/);
    }
    const text = renderEvaluation(report);
    expect(text).toContain(`deals/kestrel-ridge-freight: ${deal!.unmatched.length} drafted items match no gold item`);
    expect(text).toContain(`deals/kestrel-ridge-freight: ${deal!.missed.length} gold items missed`);
  });

  it("leaves the report as it was without the option", async () => {
    const report = await evaluate(false);
    expect(report).not.toHaveProperty("details");
    expect(renderEvaluation(report)).not.toContain("match no gold item");
  });
});
