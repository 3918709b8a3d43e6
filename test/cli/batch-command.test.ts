// `baton batch` against the contract: the --json object, exit codes, a dry run changing nothing, the same manifest
// twice, the folder form, RevOps as the batch's author, and progress on stderr (lines, or a bar on a terminal).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { runCli } from "../../src/cli.ts";
import { BatchResultSchema } from "../../src/domain/batch.ts";
import type { Role } from "../../src/domain/user.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { createUserRepository } from "../../src/storage/user-repository.ts";
import { DEAL_FOLDERS_DIR, SAMPLE_MANIFEST } from "../support/batch-world.ts";
import { expectOneLineRefusal, runCapturedCli, useOfflineEnvironment } from "./run-captured-cli.ts";

useOfflineEnvironment();

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "baton-batch-cli-"));
  dbPath = join(dir, "baton.sqlite");
  vi.stubEnv("BATON_DB", dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function addPeople(people: [string, string, Role][]): void {
  const db = openDatabase(dbPath);
  const users = createUserRepository(db);
  for (const [name, email, role] of people) users.add({ name, email, role, tokenHash: hashToken(generateToken()) }, new Date());
  db.close();
}

const FIXTURE_PEOPLE: [string, string, Role][] = [
  ["Dana Whitlock", "dana.whitlock@corvala.example", "ae"],
  ["Lena Moss", "lena.moss@corvala.example", "ae"],
  ["Sam Okafor", "sam.okafor@corvala.example", "csm"],
  ["Rita Ops", "rita.ops@corvala.example", "revops"],
];

function stored() {
  const db = openDatabase(dbPath);
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const result = { deals: count("deals"), sources: count("sources"), runs: count("extraction_runs"), batches: count("batches") };
  const creators = db.prepare("SELECT DISTINCT u.email FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'create'").all();
  db.close();
  return { ...result, creators: creators.map((row) => (row as { email: string }).email) };
}

async function batchJson(...args: string[]) {
  const run = await runCapturedCli(["batch", ...args, "--json"]);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout) as unknown;
  expect(() => BatchResultSchema.strict().parse(result)).not.toThrow();
  return { result: BatchResultSchema.parse(result), stderr: run.stderr };
}

describe("baton batch MANIFEST.csv", () => {
  it("imports and extracts the sample manifest, prints the contract's object and reports each event on stderr", async () => {
    addPeople(FIXTURE_PEOPLE);
    const { result, stderr } = await batchJson(SAMPLE_MANIFEST);
    expect(result.batchId).toMatch(/^batch_/);
    expect(result.deals.map((d) => [d.dealKey, d.status])).toEqual([
      ["CRM-1001", "extracted"],
      ["CRM-1002", "extracted"],
      ["CRM-1003", "extracted"],
    ]);
    expect(result.deals.every((d) => d.dealId?.startsWith("deal_"))).toBe(true);
    expect(result.estimate).toBeUndefined();
    expect(stderr).toContain("CRM-1002: queued\n");
    expect(stderr).toMatch(/CRM-1003: extracted, 0 tokens; extraction \d of 3\n/);
    expect(stored()).toEqual({ deals: 3, sources: 7, runs: 3, batches: 1, creators: ["rita.ops@corvala.example"] });
  });

  it("run twice, creates no second deal, stores no file twice and extracts nothing again", async () => {
    addPeople(FIXTURE_PEOPLE);
    const first = await batchJson(SAMPLE_MANIFEST);
    const second = await batchJson(SAMPLE_MANIFEST);
    expect(second.result.deals).toEqual(first.result.deals.map((d) => ({ ...d, status: "unchanged" })));
    expect(stored()).toMatchObject({ deals: 3, sources: 7, runs: 3, batches: 2 });
  });

  it("with --dry-run changes nothing and estimates no call on the offline extractor", async () => {
    addPeople(FIXTURE_PEOPLE);
    const before = stored();
    const { result } = await batchJson(SAMPLE_MANIFEST, "--dry-run");
    expect(result).toEqual({
      batchId: null,
      deals: [
        { dealKey: "CRM-1001", dealId: null, status: "planned", reason: "new deal, 4 sources to extract" },
        { dealKey: "CRM-1002", dealId: null, status: "planned", reason: "new deal, 1 source to extract" },
        { dealKey: "CRM-1003", dealId: null, status: "planned", reason: "new deal, 2 sources to extract" },
      ],
      estimate: { calls: 0, promptTokens: 0, outputTokens: 0, cost: null },
    });
    expect(stored()).toEqual(before);
  });

  it("exits 0 with each bad row's reason when some rows fail", async () => {
    addPeople(FIXTURE_PEOPLE);
    vi.stubEnv("BATON_MAX_FILE_BYTES", "200");
    const manifest = join(dir, "manifest.csv");
    writeFileSync(join(dir, "notes.txt"), "Kickoff notes: the pilot starts in March.\n");
    writeFileSync(join(dir, "long.txt"), "Kickoff notes: the pilot starts in March.\n".repeat(10));
    writeFileSync(
      manifest,
      [
        "deal_key,account,close_date,ae_email,files",
        "A-1,Acme,2026-03-01,dana.whitlock@corvala.example,notes.txt",
        "A-2,Beta,2026-03-01,lena.moss@corvala.example,calls/none.vtt",
        "A-3,Gamma,2026-03-01,lena.moss@corvala.example,long.txt",
      ].join("\n"),
    );
    const { result } = await batchJson(manifest);
    expect(result.deals).toEqual([
      { dealKey: "A-1", dealId: expect.stringMatching(/^deal_/), status: "extracted" },
      { dealKey: "A-2", dealId: null, status: "failed", reason: "line 3: files: calls/none.vtt: not found" },
      {
        dealKey: "A-3",
        dealId: null,
        status: "failed",
        reason: "line 4: files: long.txt: file is over the 200-byte limit (BATON_MAX_FILE_BYTES)",
      },
    ]);
  });

  it("exits 2 with one line when the manifest is unusable, touching nothing", async () => {
    addPeople(FIXTURE_PEOPLE);
    const noFiles = join(dir, "no-files.csv");
    writeFileSync(noFiles, "deal_key,account,close_date,ae_email\nA-1,Acme,2026-03-01,dana.whitlock@corvala.example\n");
    const notCsv = join(dir, "not.csv");
    writeFileSync(notCsv, 'deal_key,account\n"never closed\n');
    const binary = join(dir, "binary.csv");
    writeFileSync(binary, new Uint8Array([0xff, 0xfe, 0, 1, 2]));
    expectOneLineRefusal(await runCapturedCli(["batch", join(dir, "missing.csv"), "--json"]), /manifest not found/);
    expectOneLineRefusal(await runCapturedCli(["batch", noFiles, "--json"]), /lacks the column files/);
    expectOneLineRefusal(await runCapturedCli(["batch", notCsv]), /not CSV/);
    expectOneLineRefusal(await runCapturedCli(["batch", binary]), /not CSV/);
    expectOneLineRefusal(await runCapturedCli(["batch"]), /usage: baton batch/);
    expect(stored()).toMatchObject({ deals: 0, batches: 0 });
  });

  it("records the batch under the RevOps user named by --as, and needs one when several could run it", async () => {
    addPeople([...FIXTURE_PEOPLE, ["Ray Ops", "ray.ops@corvala.example", "revops"]]);
    expectOneLineRefusal(await runCapturedCli(["batch", SAMPLE_MANIFEST]), /several RevOps users.*--as EMAIL/);
    expectOneLineRefusal(await runCapturedCli(["batch", SAMPLE_MANIFEST, "--as", "dana.whitlock@corvala.example"]), /no RevOps user/);
    await batchJson(SAMPLE_MANIFEST, "--as", "ray.ops@corvala.example");
    expect(stored().creators).toEqual(["ray.ops@corvala.example"]);
  });

  it("shows a progress bar on a terminal: deals settled, failed and tokens so far", async () => {
    addPeople(FIXTURE_PEOPLE);
    let stderr = "";
    const code = await runCli(["batch", SAMPLE_MANIFEST], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      stdin: Readable.from([]),
      stderrIsTty: true,
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[#{24}\] 3\/3 deals · 0 failed · 0 tokens/);
    expect(stderr).not.toContain("queued\n");
  });
});

describe("baton batch FOLDER", () => {
  it("imports one deal per subfolder from its deal.json, taking every file of the folder when it names none", async () => {
    addPeople(FIXTURE_PEOPLE);
    const { result } = await batchJson(DEAL_FOLDERS_DIR);
    expect(result.deals.map((d) => [d.dealKey, d.status])).toEqual([
      ["CRM-2001", "extracted"],
      ["CRM-2002", "extracted"],
    ]);
    expect(stored()).toMatchObject({ deals: 2, sources: 2 });
  });

  it("fails a subfolder without a deal.json and goes on with the others", async () => {
    addPeople(FIXTURE_PEOPLE);
    const folder = join(dir, "deals");
    for (const name of ["acme", "stray"])
      writeFileSync(join(mkdirp(join(folder, name)), "call.txt"), "Kickoff notes: the pilot starts in March.\n");
    writeFileSync(
      join(folder, "acme", "deal.json"),
      JSON.stringify({ deal_key: "F-1", account: "Acme", close_date: "2026-03-01", ae_email: "lena.moss@corvala.example" }),
    );
    const { result } = await batchJson(folder);
    expect(result.deals).toEqual([
      { dealKey: "F-1", dealId: expect.stringMatching(/^deal_/), status: "extracted" },
      { dealKey: "", dealId: null, status: "failed", reason: "stray/deal.json: no deal.json in the folder" },
    ]);
  });
});

function mkdirp(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
