import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { isAppError } from "../../src/errors.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { CORPUS_DIR, corpusAvailable, listCorpusFiles } from "../support/corpus-dir.ts";
import { describeWithCorpus } from "../support/describe-with-corpus.ts";
import type { CorpusExpectation } from "./corpus-expectation.ts";
import { CAPTION_EXPECTATIONS } from "./expectations/captions.ts";
import { EMAIL_EXPECTATIONS } from "./expectations/email.ts";
import { PDF_EXPECTATIONS } from "./expectations/pdf.ts";
import { STT_JSON_EXPECTATIONS } from "./expectations/stt-json.ts";
import { TEXT_EXPECTATIONS } from "./expectations/text.ts";

const EXPECTATIONS: Record<string, CorpusExpectation> = {
  ...CAPTION_EXPECTATIONS,
  ...TEXT_EXPECTATIONS,
  ...STT_JSON_EXPECTATIONS,
  ...EMAIL_EXPECTATIONS,
  ...PDF_EXPECTATIONS,
};

describeWithCorpus("shared corpus", () => {
  const files = corpusAvailable() ? listCorpusFiles() : [];

  it("has an expectation entry only for files that exist", () => {
    expect(files.length).toBeGreaterThan(0);
    const missing = Object.keys(EXPECTATIONS).filter((path) => !files.includes(path));
    expect(missing).toEqual([]);
  });

  describe.each(files)("%s", (path) => {
    it("parses with the contract invariant or is rejected in one line", async () => {
      const expected = EXPECTATIONS[path] ?? {};
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, path)));
      let outcome: Awaited<ReturnType<typeof parseSource>> | undefined;
      try {
        outcome = await parseSource(bytes, path.split("/").at(-1)!, DEFAULT_LIMITS);
      } catch (error) {
        expect(isAppError(error), `threw a non-AppError: ${String(error)}`).toBe(true);
        expect((error as Error).message).not.toMatch(/\n/);
        expect((error as Error).message.length).toBeGreaterThan(5);
        expect(expected.rejects, `rejected unexpectedly: ${(error as Error).message}`).toBe(true);
        return;
      }
      expect(expected.rejects, "should have been rejected").toBeUndefined();
      const { source, segments } = outcome;
      expect(segments.length).toBeGreaterThan(0);
      for (const segment of segments) {
        expect(source.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
        expect(segment.text.trim()).toBe(segment.text);
        expect(segment.text.length).toBeGreaterThan(0);
      }
      expect(new Set(segments.map((s) => s.id)).size).toBe(segments.length);
      if (expected.format) expect(source.format).toBe(expected.format);
      if (expected.minSegments) expect(segments.length).toBeGreaterThanOrEqual(expected.minSegments);
      if (expected.speakers) {
        const speakers = new Set(segments.map((s) => s.speaker));
        for (const speaker of expected.speakers) expect([...speakers]).toContain(speaker);
      }
      if (expected.timestamps) {
        for (const segment of segments) expect(segment.startMs).not.toBeNull();
      }
      if (expected.participants) {
        const names = source.participants.map((p) => p.name);
        for (const name of expected.participants) expect(names).toContain(name);
      }
      if (expected.occurredAt) expect(source.occurredAt).toBe(expected.occurredAt);
      for (const text of expected.contains ?? []) expect(source.text).toContain(text);
      for (const text of expected.excludes ?? []) expect(source.text).not.toContain(text);
    });
  });
});
