import { Readable } from "node:stream";
import { resolve } from "node:path";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { runCli } from "../../src/cli.ts";
import { type ParsedSource, ParsedSourceSchema } from "../../src/domain/source.ts";

export const PROJECT_DIR = resolve(import.meta.dirname, "../..");
export const FIXTURES_DIR = resolve(PROJECT_DIR, "fixtures");
export const SAMPLE_DEAL_DIR = resolve(FIXTURES_DIR, "deals/kestrel-ridge-freight");

export type CapturedRun = { code: number; stdout: string; stderr: string };

/** Runs `baton ARGV` in-process, feeding `stdin`, and returns the exit code and what it printed. */
export async function runCapturedCli(argv: string[], stdin = ""): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: Readable.from(stdin === "" ? [] : [stdin]),
  });
  return { code, stdout, stderr };
}

// Set to "" rather than deleted: the config treats "" as unset, and a developer's .env never
// overrides a variable that is already set, so no test can reach an LLM endpoint.
const ISOLATED_VARIABLES = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "BATON_MODEL",
  "BATON_EXTRACTOR",
  "BATON_DB",
  "BATON_MAX_FILE_BYTES",
  "BATON_MAX_SEGMENTS",
  "BATON_PARSE_TIMEOUT_MS",
  "BATON_PDF_MAX_PAGES",
];

/** Runs every test of the calling file offline with default limits, restoring the environment after each. */
export function useOfflineEnvironment(): void {
  beforeEach(() => {
    for (const name of ISOLATED_VARIABLES) vi.stubEnv(name, "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
}

/** `baton parse FILE --json`, checked to succeed and to be one object of the contract's shape. */
export async function parseThroughCli(path: string): Promise<ParsedSource> {
  const run = await runCapturedCli(["parse", path, "--json"]);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: "" });
  return ParsedSourceSchema.parse(JSON.parse(run.stdout));
}

/** A refusal as the contract wants it: exit 2, nothing on stdout, one line on stderr, no stack trace. */
export function expectOneLineRefusal(run: CapturedRun, reason?: RegExp): void {
  expect(run.code, run.stdout).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^baton [a-z]+: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
  if (reason !== undefined) expect(run.stderr).toMatch(reason);
}
