import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SECTION_KEYS } from "../../src/domain/sections.ts";
import { expectOneLineRefusal, FIXTURES_DIR, runCapturedCli, useOfflineEnvironment } from "./run-captured-cli.ts";

useOfflineEnvironment();

const ratio = (value: unknown) => typeof value === "number" && value >= 0 && value <= 1;

describe("baton eval", () => {
  it("prints a JSON report on the shipped gold files", async () => {
    const run = await runCapturedCli(["eval", "--gold", join(FIXTURES_DIR, "gold"), "--corpus", FIXTURES_DIR, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.extractor.kind).toBe("offline");
    expect(report.files.map((file: { gold: string }) => file.gold)).toEqual([
      "kestrel-ridge-freight-discovery.gold.json",
      "kestrel-ridge-freight-email.gold.json",
      "kestrel-ridge-freight-order-form.gold.json",
      "kestrel-ridge-freight-pricing.gold.json",
    ]);
    expect(ratio(report.recall) && ratio(report.precision)).toBe(true);
    expect(report.recall).toBeGreaterThan(0);
    expect(Object.keys(report.bySection).sort()).toEqual([...SECTION_KEYS].sort());
    // Every citation of the offline drafts is a verbatim span: the contract's invariant, measured.
    expect(report.citations.verified).toBeGreaterThan(0);
    expect(report.citations.validShare).toBe(1);
    expect(report.usage.llmCalls).toBe(0);
    expect(report.cost).toBeNull();
  });

  it("prints a readable report without --json", async () => {
    const run = await runCapturedCli(["eval", "--gold", join(FIXTURES_DIR, "gold"), "--corpus", FIXTURES_DIR]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^extractor: offline/);
    expect(run.stdout).toMatch(/recall +\d+% +precision +\d+%/);
  });

  it("lists per deal the unmatched drafted items and the missed gold items with --details", async () => {
    const run = await runCapturedCli(["eval", "--gold", join(FIXTURES_DIR, "gold"), "--corpus", FIXTURES_DIR, "--details", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.details[0].deal).toBe("deals/kestrel-ridge-freight");
    expect(report.details[0].unmatched[0]).toEqual({
      gold: expect.any(String),
      section: expect.any(String),
      label: expect.any(String),
      quote: expect.any(String),
      where: expect.any(String),
    });
  });

  const empty = mkdtempSync(join(tmpdir(), "baton-cli-eval-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it.each<[string, string[], RegExp]>([
    ["no --gold", ["eval", "--corpus", FIXTURES_DIR], /usage: baton eval/],
    ["a gold folder without gold files", ["eval", "--gold", empty, "--corpus", FIXTURES_DIR], /no \*\.gold\.json files/],
    ["a negative price", ["eval", "--gold", empty, "--corpus", FIXTURES_DIR, "--price-prompt", "-1"], /price/],
  ])("refuses %s: exit 2 and one line", async (_name, argv, reason) => {
    expectOneLineRefusal(await runCapturedCli(argv), reason);
  });
});
