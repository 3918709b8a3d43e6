import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Draft, DraftSchema } from "../../src/domain/draft.ts";
import { SECTION_KEYS } from "../../src/domain/sections.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { expectOneLineRefusal, parseThroughCli, runCapturedCli, SAMPLE_DEAL_DIR, useOfflineEnvironment } from "./run-captured-cli.ts";

useOfflineEnvironment();

const dealFiles = readdirSync(SAMPLE_DEAL_DIR)
  .filter((name) => /\.(vtt|eml|pdf)$/.test(name))
  .sort()
  .map((name) => join(SAMPLE_DEAL_DIR, name));

describe("baton draft on the sample deal, offline", () => {
  let draft: Draft;
  let markdown: string;
  const parsedById = new Map<string, ParsedSource>();

  beforeAll(async () => {
    const json = await runCapturedCli(["draft", ...dealFiles, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe("");
    draft = DraftSchema.parse(JSON.parse(json.stdout));
    const md = await runCapturedCli(["draft", ...dealFiles]);
    expect(md.code, md.stderr).toBe(0);
    markdown = md.stdout;
    for (const path of dealFiles) {
      const parsed = await parseThroughCli(path);
      parsedById.set(parsed.source.id, parsed);
    }
  });

  it("drafts with the offline extractor and no LLM call", () => {
    expect(draft.extractor.kind).toBe("offline");
    expect(draft.usage).toMatchObject({ llmCalls: 0, promptTokens: 0, completionTokens: 0 });
    expect(draft.sources.map((source) => source.filename).sort()).toEqual(dealFiles.map((path) => path.split("/").at(-1)).sort());
    expect(draft.items.length).toBeGreaterThan(10);
  });

  it("cites, for every verified citation, the exact span of the text `baton parse` prints", () => {
    let checked = 0;
    for (const item of [...draft.items, ...draft.needsChecking]) {
      for (const citation of item.citations) {
        if (citation.match === "unverified") continue;
        const parsed = parsedById.get(citation.sourceId);
        expect(parsed, citation.sourceId).toBeDefined();
        expect(citation.quote, item.id).toBe(parsed!.source.text.slice(citation.charStart, citation.charEnd));
        const segment = parsed!.segments.find((s) => s.id === citation.segmentId);
        expect(segment, `${item.id} ${citation.segmentId}`).toBeDefined();
        expect(citation.charStart).toBeGreaterThanOrEqual(segment!.charStart);
        expect(citation.speaker).toBe(segment!.speaker);
        expect(citation.startMs).toBe(segment!.startMs);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("shows as fact only items with a verified citation, and lists the rest apart", () => {
    for (const item of draft.items) {
      expect(item.citations.some((c) => c.match !== "unverified") || item.origin === "ae", item.id).toBe(true);
    }
    for (const item of draft.needsChecking)
      expect(
        item.citations.every((c) => c.match === "unverified"),
        item.id,
      ).toBe(true);
  });

  it("prints Markdown with every section and a citation line under every item", () => {
    expect(markdown).toMatch(/^# Handoff draft\n/);
    const lines = markdown.split("\n");
    const items = lines.flatMap((line, position) => (line.startsWith("- ") ? [position] : []));
    expect(items.length).toBe(draft.items.length + draft.needsChecking.length);
    for (const position of items) {
      const citation = lines[position + 1] ?? "";
      // “quote” — file, speaker, m:ss — or a marked unverified quote; the file once, where the item line names it
      // ("Product, per order-form.pdf") not again on the quote line.
      const named = /(?:per|in) ([\w.-]+\.(?:vtt|eml|pdf))/.exec(lines[position]!)?.[1];
      if (named !== undefined) expect(citation, lines[position]).toMatch(/^ {2}- “[^\n]+”$/);
      else expect(citation, lines[position]).toMatch(/^ {2}- (“[^\n]+” — [\w.-]+\.(vtt|eml|pdf)|⚠ unverified|_provided by the AE)/);
    }
    const headings = lines.filter((line) => line.startsWith("## ")).length;
    expect(headings).toBeGreaterThanOrEqual(SECTION_KEYS.length);
  });

  it("prints the same items with --md as by default", async () => {
    const md = await runCapturedCli(["draft", ...dealFiles, "--md"]);
    expect(md.code).toBe(0);
    const items = (text: string) => text.split("\n").filter((line) => line.startsWith("- ") || line.startsWith("  - "));
    expect(items(md.stdout)).toEqual(items(markdown));
  });
});

describe("baton draft on input it cannot use", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-cli-draft-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses an unusable file among good ones, naming it, with nothing half-written", async () => {
    const empty = join(dir, "notes.txt");
    writeFileSync(empty, "");
    expectOneLineRefusal(await runCapturedCli(["draft", dealFiles[0]!, empty, "--json"]), /notes\.txt: file is empty/);
  });

  it.each<[string, string[], RegExp]>([
    ["no files", ["draft", "--json"], /usage: baton draft/],
    ["both --json and --md", ["draft", "x.vtt", "--json", "--md"], /choose one of --json and --md/],
    ["an unknown flag", ["draft", "x.vtt", "--html"], /Unknown option '--html'/],
  ])("refuses %s: exit 2 and one line", async (_name, argv, reason) => {
    expectOneLineRefusal(await runCapturedCli(argv), reason);
  });
});
