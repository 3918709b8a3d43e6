import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ParsedSourceSchema } from "../../src/domain/source.ts";
import { expectOneLineRefusal, FIXTURES_DIR, runCapturedCli, SAMPLE_DEAL_DIR, useOfflineEnvironment } from "./run-captured-cli.ts";

useOfflineEnvironment();

// The format each fixture folder must come out as; a file detected as something else is a regression.
const FORMAT_BY_FOLDER: Record<string, RegExp> = {
  vtt: /^vtt$/,
  srt: /^(srt|sbv)$/,
  "stt-json": /^json:[a-z-]+$/,
  text: /^(text|markdown)$/,
  email: /^(eml|mbox)$/,
  pdf: /^pdf$/,
};

// Fixtures written to be refused, with the reason the user must see.
const REFUSED: Record<string, RegExp> = {
  "pdf/no-text-layer.pdf": /no text layer/,
  "pdf/password-protected.pdf": /password-protected/,
};

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return name === "README.md" ? [] : [path];
  });
}

const formatFixtures = listFiles(join(FIXTURES_DIR, "formats")).map((path) => relative(join(FIXTURES_DIR, "formats"), path));
const dealFiles = listFiles(SAMPLE_DEAL_DIR).map((path) => relative(SAMPLE_DEAL_DIR, path));

describe("baton parse FILE --json", () => {
  it("has a fixture of every format", () => {
    const folders = new Set(formatFixtures.map((path) => path.split("/")[0]));
    expect([...folders].sort()).toEqual(Object.keys(FORMAT_BY_FOLDER).sort());
  });

  it.each(formatFixtures.filter((path) => !(path in REFUSED)))("prints one contract object for %s", async (path) => {
    const run = await runCapturedCli(["parse", join(FIXTURES_DIR, "formats", path), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const { source, segments } = ParsedSourceSchema.parse(JSON.parse(run.stdout));
    expect(source.format).toMatch(FORMAT_BY_FOLDER[path.split("/")[0]!]!);
    expect(source.filename).toBe(path.split("/").at(-1));
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) {
      expect(source.text.slice(segment.charStart, segment.charEnd), segment.id).toBe(segment.text);
    }
    expect(new Set(segments.map((segment) => segment.id)).size).toBe(segments.length);
  });

  it.each(Object.entries(REFUSED))("refuses %s with one line", async (path, reason) => {
    expectOneLineRefusal(await runCapturedCli(["parse", join(FIXTURES_DIR, "formats", path), "--json"]), reason);
  });

  it.each(dealFiles)("honours the contract on the sample deal's %s", async (name) => {
    const run = await runCapturedCli(["parse", join(SAMPLE_DEAL_DIR, name), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const { source, segments } = ParsedSourceSchema.parse(JSON.parse(run.stdout));
    for (const segment of segments) expect(source.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
    // Every call and the email name their speakers; the timed calls carry timestamps.
    if (source.format !== "pdf") expect(segments.every((segment) => segment.speaker !== null)).toBe(true);
    if (source.format === "vtt") expect(segments.every((segment) => segment.startMs !== null)).toBe(true);
  });

  it("prints a readable summary without --json", async () => {
    const run = await runCapturedCli(["parse", join(SAMPLE_DEAL_DIR, "pricing-call-2026-01-29.vtt")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pricing-call-2026-01-29\.vtt {2}\(vtt, 49 segments\)\n/);
    expect(run.stdout).toContain("participants:");
    expect(run.stdout).toMatch(/first lines:\n {2}\[0:02\] Dana Whitlock: Hi Gloria/);
  });
});

describe("baton parse on input it cannot use", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-cli-parse-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, bytes: Uint8Array | string): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  // An OLE compound file header, as Outlook .msg files start.
  const OLE_HEADER = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  const noise = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
  // HTML nested 300,000 levels deep, as a saved body and as an email's HTML part: refused before any HTML parser runs.
  const deepHtml = () => `<html><body>${"<div>".repeat(300_000)}Renewal at risk.${"</div>".repeat(300_000)}</body></html>`;
  const deepEmail = () =>
    [
      "From: Ana Ruiz <ana@customer.example>",
      "To: Dana Whitlock <dana@vendor.example>",
      "Subject: Renewal",
      "Date: Mon, 12 Jan 2026 10:00:00 +0000",
      "MIME-Version: 1.0",
      "Content-Type: text/html; charset=utf-8",
      "",
      deepHtml(),
    ].join("\r\n");
  const HTML_NESTING = /HTML nested deeper than 1000 elements \(limit: HTML nesting depth 1000\)/;

  it.each<[string, () => string[], RegExp]>([
    ["an empty file", () => ["parse", write("empty.vtt", ""), "--json"], /file is empty/],
    ["a binary file", () => ["parse", write("noise.bin", noise), "--json"], /binary/],
    ["Outlook .msg bytes", () => ["parse", write("mail.msg", OLE_HEADER), "--json"], /\.msg.*\.eml/],
    ["a missing file", () => ["parse", join(dir, "absent.vtt"), "--json"], /cannot read .*absent\.vtt/],
    ["a directory", () => ["parse", dir, "--json"], /is not a file/],
    ["an unknown flag", () => ["parse", join(SAMPLE_DEAL_DIR, "pricing-call-2026-01-29.vtt"), "--jsno"], /Unknown option '--jsno'/],
    ["no file", () => ["parse", "--json"], /usage: baton parse FILE/],
    ["two files", () => ["parse", join(SAMPLE_DEAL_DIR, "email-thread.eml"), join(SAMPLE_DEAL_DIR, "order-form.pdf")], /usage/],
    ["HTML nested 300,000 deep", () => ["parse", write("deep.html", deepHtml()), "--json"], HTML_NESTING],
    ["an email whose HTML part nests 300,000 deep", () => ["parse", write("deep.eml", deepEmail()), "--json"], HTML_NESTING],
  ])("refuses %s: exit 2 and one line", async (_name, argv, reason) => {
    expectOneLineRefusal(await runCapturedCli(argv()), reason);
  });

  it("refuses a file over BATON_MAX_FILE_BYTES, naming the limit", async () => {
    vi.stubEnv("BATON_MAX_FILE_BYTES", "100");
    const run = await runCapturedCli(["parse", join(FIXTURES_DIR, "formats/vtt/zoom-call.vtt"), "--json"]);
    expectOneLineRefusal(run, /zoom-call\.vtt is \d+ bytes, over the limit of 100 \(BATON_MAX_FILE_BYTES\)/);
  });

  it("prints a stack trace only with --debug", async () => {
    const path = join(dir, "absent.vtt");
    expectOneLineRefusal(await runCapturedCli(["parse", path]));
    const debug = await runCapturedCli(["parse", path, "--debug"]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
