import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { IngestLimits } from "../config.ts";
import { createDraft } from "../drafting/create-draft.ts";
import type { ExtractorInfo } from "../domain/extractor-info.ts";
import type { Usage } from "../domain/usage.ts";
import { SECTION_KEYS, type SectionKey } from "../domain/sections.ts";
import { AppError } from "../errors.ts";
import type { Extractor } from "../extraction/extractor.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { ParsedSource } from "../domain/source.ts";
import { type GoldFile, GoldFileSchema } from "./gold-file.ts";
import { type DraftMeasures, measureDraft } from "./measure-draft.ts";
import { type DraftScore, listMismatches, type MissedGoldItem, scoreDraft, type UnmatchedItem } from "./score-draft.ts";

export type EvaluationReport = {
  extractor: ExtractorInfo;
  files: { gold: string; source: string; score: DraftScore }[];
  /** One draft per deal: its length and repeated quotes. */
  deals: ({ deal: string } & DraftMeasures)[];
  /** Per-section recall over all sections: each gold item scored once, in the section where the draft has it. */
  recall: number;
  /** Per-section precision over all sections: drafted items that overlap a gold span listing their section. */
  precision: number;
  /** The stricter reading: a gold item counted in every section it lists (one claim said once scores 1/k). */
  recallInEveryListedSection: number;
  items: number;
  wordsPerSourceWord: number;
  repeatedQuotes: number;
  bySection: Record<
    SectionKey,
    { recall: number | null; precision: number | null; goldItems: number; draftItems: number; recallInEveryListedSection: number | null }
  >;
  citations: { verified: number; exactShare: number; validShare: number; unverified: number };
  gaps: { expected: number; reported: number };
  usage: Usage;
  /** In the currency of the prices given; null when no prices were given. */
  cost: number | null;
  /** With `details`: per deal, the drafted items that match no gold item and the gold items the draft missed, by gold file. */
  details?: DealDetails[];
};

export type DealDetails = {
  deal: string;
  unmatched: ({ gold: string } & UnmatchedItem)[];
  missed: ({ gold: string } & MissedGoldItem)[];
};

type EvaluationOptions = {
  goldDir: string;
  corpusDir: string;
  extractor: Extractor;
  limits: IngestLimits;
  /** Price per million prompt and completion tokens, for the LLM path's cost. */
  prices?: { prompt: number; completion: number };
  /** List what precision and recall count against (see DealDetails). */
  details?: boolean;
};

/**
 * Drafts the sources of the gold files and scores each. Gold files whose sources share a folder
 * are one deal: they are drafted together, as a user would upload them.
 */
export async function runEvaluation(options: EvaluationOptions): Promise<EvaluationReport> {
  const goldNames = (await readdir(options.goldDir)).filter((name) => name.endsWith(".gold.json")).sort();
  if (goldNames.length === 0) {
    throw new AppError({ code: "INVALID_INPUT", message: `no *.gold.json files in ${options.goldDir}` });
  }
  const deals = new Map<string, { name: string; gold: GoldFile }[]>();
  for (const name of goldNames) {
    const gold = await readGold(join(options.goldDir, name), name);
    const deal = gold.deal ?? dirname(gold.source);
    deals.set(deal, [...(deals.get(deal) ?? []), { name, gold }]);
  }
  const files: EvaluationReport["files"] = [];
  const measures: EvaluationReport["deals"] = [];
  const details: DealDetails[] = [];
  const usage: Usage = { llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 };
  for (const [deal, entries] of deals) {
    const parsed: ParsedSource[] = [];
    for (const { name, gold } of entries) {
      const path = join(options.corpusDir, gold.source);
      const bytes = await readFile(path).catch(() => {
        throw new AppError({ code: "INVALID_INPUT", message: `${name}: source ${gold.source} not found under ${options.corpusDir}` });
      });
      parsed.push(await parseSource(new Uint8Array(bytes), basename(gold.source), options.limits));
    }
    const draft = await createDraft(parsed, { extractor: options.extractor, now: () => new Date() });
    for (const key of Object.keys(usage) as (keyof Usage)[]) usage[key] += draft.usage[key];
    measures.push({ deal, ...measureDraft(draft, parsed) });
    entries.forEach(({ name, gold }, i) => {
      files.push({ gold: name, source: gold.source, score: scoreDraft(draft, parsed[i]!, gold) });
    });
    if (options.details) {
      const lists = entries.map(({ name, gold }, i) => ({ name, ...listMismatches(draft, parsed[i]!, gold) }));
      details.push({
        deal,
        unmatched: lists.flatMap((l) => l.unmatched.map((item) => ({ gold: l.name, ...item }))),
        missed: lists.flatMap((l) => l.missed.map((item) => ({ gold: l.name, ...item }))),
      });
    }
  }
  const report = summarize(files, measures, usage, options);
  return options.details ? { ...report, details } : report;
}

async function readGold(path: string, name: string): Promise<GoldFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: `${name} is not valid JSON` });
  }
  const result = GoldFileSchema.safeParse(json);
  if (!result.success) throw new AppError({ code: "INVALID_INPUT", message: `${name} is not a valid gold file` });
  return result.data;
}

function summarize(
  files: EvaluationReport["files"],
  deals: EvaluationReport["deals"],
  usage: Usage,
  options: EvaluationOptions,
): EvaluationReport {
  const sum = (pick: (s: DraftScore) => number) => files.reduce((total, f) => total + pick(f.score), 0);
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  const bySection = Object.fromEntries(
    SECTION_KEYS.map((section) => {
      const goldItems = sum((s) => s.bySection[section].goldItems);
      const draftItems = sum((s) => s.bySection[section].draftItems);
      return [
        section,
        {
          recall: ratio(
            sum((s) => s.bySection[section].goldFound),
            goldItems,
          ),
          precision: ratio(
            sum((s) => s.bySection[section].draftCorrect),
            draftItems,
          ),
          goldItems,
          draftItems,
          recallInEveryListedSection: ratio(
            sum((s) => s.bySection[section].goldFoundListed),
            sum((s) => s.bySection[section].goldListed),
          ),
        },
      ];
    }),
  ) as EvaluationReport["bySection"];
  const verified = sum((s) => s.citations.verified);
  return {
    extractor: options.extractor.info,
    files,
    deals,
    recall:
      ratio(
        sum((s) => s.goldFound),
        sum((s) => s.goldItems),
      ) ?? 0,
    precision:
      ratio(
        sum((s) => s.draftCorrect),
        sum((s) => s.draftItems),
      ) ?? 0,
    recallInEveryListedSection:
      ratio(
        sum((s) => SECTION_KEYS.reduce((t, k) => t + s.bySection[k].goldFoundListed, 0)),
        sum((s) => SECTION_KEYS.reduce((t, k) => t + s.bySection[k].goldListed, 0)),
      ) ?? 0,
    items: deals.reduce((t, d) => t + d.items, 0),
    wordsPerSourceWord:
      ratio(
        deals.reduce((t, d) => t + d.draftWords, 0),
        deals.reduce((t, d) => t + d.sourceWords, 0),
      ) ?? 0,
    repeatedQuotes: deals.reduce((t, d) => t + d.repeatedQuotes, 0),
    bySection,
    citations: {
      verified,
      exactShare:
        ratio(
          sum((s) => s.citations.exact),
          verified,
        ) ?? 1,
      validShare:
        ratio(
          sum((s) => s.citations.invariantHolds),
          verified,
        ) ?? 1,
      unverified: sum((s) => s.citations.unverified),
    },
    gaps: { expected: sum((s) => s.gapsExpected), reported: sum((s) => s.gapsReported) },
    usage,
    cost: options.prices
      ? (usage.promptTokens * options.prices.prompt + usage.completionTokens * options.prices.completion) / 1_000_000
      : null,
  };
}
