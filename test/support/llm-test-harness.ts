import { SECTION_KEYS } from "../../src/domain/sections.ts";
// Shared pieces of the LLM extraction tests: the sample deal parsed in the order the quick start
// passes it (shell glob order), a real SQLite file per test, and an extractor pointed at msw.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { DEFAULT_LIMITS, loadConfig } from "../../src/config.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import type { Draft } from "../../src/domain/draft.ts";
import { createExtractor } from "../../src/extraction/create-extractor.ts";
import type { Extractor } from "../../src/extraction/extractor.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { createLlmCacheRepository } from "../../src/storage/llm-cache-repository.ts";
import { type Database, openDatabase } from "../../src/storage/open-database.ts";
import { LLM_BASE_URL } from "./msw-openai.ts";

export const FIXTURES_DIR = resolve(import.meta.dirname, "../../fixtures");
export const SAMPLE_DEAL_DIR = join(FIXTURES_DIR, "deals/kestrel-ridge-freight");
/** Glob order, as `npx baton draft fixtures/deals/kestrel-ridge-freight/*` passes them: S1–S62, S63–S65, S66–S112, S113–S161. */
export const SAMPLE_DEAL_FILES = ["discovery-call-2026-01-13.vtt", "email-thread.eml", "order-form.pdf", "pricing-call-2026-01-29.vtt"];
/**
 * Items in the sample deal's draft from the hand-written model answer (fixtures/llm), after grounding and consolidation:
 * 47 since the no-charge migration promise keeps the answer the migration objection also cites (it was lost before);
 * 46 since the 18% offer made before signing joins the signed order form's price line (fold-contracted-offers.ts).
 */
export const SAMPLE_DEAL_LLM_ITEMS = 46;
export const INJECTION_PROBE_FILE = join(FIXTURES_DIR, "deals/injection-probe/call.vtt");

export async function parseFiles(paths: string[]): Promise<ParsedSource[]> {
  const parsed: ParsedSource[] = [];
  for (const path of paths) {
    parsed.push(await parseSource(new Uint8Array(readFileSync(path)), path.split("/").at(-1)!, DEFAULT_LIMITS));
  }
  return parsed;
}

export function sampleDealPaths(): string[] {
  return SAMPLE_DEAL_FILES.map((name) => join(SAMPLE_DEAL_DIR, name));
}

let sampleDeal: Promise<ParsedSource[]> | undefined;

/** The sample deal, parsed once per test file (the PDF parser runs in a worker); each call gets its own copy. */
export async function parseSampleDeal(): Promise<ParsedSource[]> {
  sampleDeal ??= parseFiles(sampleDealPaths());
  return structuredClone(await sampleDeal);
}

export async function parseText(filename: string, text: string): Promise<ParsedSource> {
  return parseSource(new TextEncoder().encode(text), filename, DEFAULT_LIMITS);
}

/** A hand-written model answer from fixtures/llm-responses (parsed JSON, a fresh copy each call). */
export function readLlmAnswer(name: string): Record<string, Record<string, unknown>[]> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, "llm-responses", `${name}.hand-written.json`), "utf8"));
}

/** An answer with every section empty, plus the given items. */
export function answerWith(items: Partial<Record<string, Record<string, unknown>[]>> = {}) {
  return Object.fromEntries(SECTION_KEYS.map((section) => [section, items[section] ?? []]));
}

/** Hand-written model answer for SAMPLE_CALL_VTT (test/support/seed-deal.ts): one trigger quoting its first segment. */
export const SAMPLE_CALL_ANSWER = answerWith({
  whyTheyBought: [
    {
      statement: "They need the pilot live before the March 3 peak season.",
      evidence: [{ segment: "S1", quote: "We need the pilot live before the March 3 peak season." }],
      kind: "trigger",
    },
  ],
});

/** A fresh SQLite file in a temp dir for each test; `current()` opens it lazily. */
export function useTempDatabase() {
  let dir: string | undefined;
  let db: Database | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "baton-llm-test-"));
  });
  afterEach(() => {
    db?.close();
    db = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: () => join(dir!, "baton.sqlite"),
    current(): Database {
      db ??= openDatabase(join(dir!, "baton.sqlite"));
      return db;
    },
  };
}

/** The environment of an LLM run against msw; HTTP retries off (house style for msw tests). */
export function llmEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    OPENAI_BASE_URL: LLM_BASE_URL,
    OPENAI_API_KEY: "test-key",
    BATON_MODEL: "test-model",
    BATON_LLM_MAX_RETRIES: "0",
    BATON_LLM_TIMEOUT_MS: "5000",
    ...overrides,
  };
}

/** The extractor the app would build from this environment; call it after msw has started. */
export function createTestExtractor(db: Database, env: Record<string, string> = {}, fetch?: typeof globalThis.fetch) {
  const config = loadConfig(llmEnv(env));
  return createExtractor(config, { cache: () => createLlmCacheRepository(db), ...(fetch ? { fetch } : {}) });
}

export function draftWith(extractor: Extractor, sources: ParsedSource[]): Promise<Draft> {
  return createDraft(sources, { extractor, now: () => new Date("2026-02-10T12:00:00Z") });
}

/** The contract's invariant: a verified citation's quote is exactly the cited span of its source's text. */
export function expectVerifiedCitationsExact(draft: Draft, sources: ParsedSource[]): number {
  const texts = new Map(sources.map((s) => [s.source.id, s.source.text]));
  let verified = 0;
  for (const item of [...draft.items, ...draft.needsChecking]) {
    for (const citation of item.citations) {
      if (citation.match === "unverified") continue;
      verified += 1;
      expect(texts.get(citation.sourceId)?.slice(citation.charStart, citation.charEnd)).toBe(citation.quote);
    }
  }
  return verified;
}
