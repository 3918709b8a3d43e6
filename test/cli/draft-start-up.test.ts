import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR, SAMPLE_DEAL_DIR } from "./run-captured-cli.ts";

// Start-up is most of an offline draft's time on a deal's worth of files, and it grows with every module loaded: the
// offline `baton draft` must not load the service, the LLM client or the parsers of formats it was not given.
const run = promisify(execFile);
const NODE = join(PROJECT_DIR, "node_modules/.bin/node");
const RECORDER = join(PROJECT_DIR, "test/support/record-loaded-modules.ts");
const work = mkdtempSync(join(tmpdir(), "baton-start-up-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `baton ARGS` as a user would (offline), and returns what it loaded: src files and package names. */
async function modulesLoadedBy(args: string[]): Promise<{ src: string[]; packages: string[] }> {
  const log = join(work, `modules-${args.length}-${Date.now()}.jsonl`);
  const env = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", BATON_EXTRACTOR: "offline", BATON_TEST_MODULE_LOG: log };
  await run(NODE, ["--import", RECORDER, "src/baton.js", ...args], { cwd: PROJECT_DIR, env, maxBuffer: 16 * 1024 * 1024 });
  const files = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as string)
    .filter((url) => url.startsWith("file:"))
    .map((url) => relative(PROJECT_DIR, fileURLToPath(url)).split("\\").join("/"));
  const packages = files.flatMap((file) => {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(file);
    return match === null ? [] : [match[1]!];
  });
  return { src: files.filter((file) => file.startsWith("src/")), packages: [...new Set(packages)] };
}

describe("baton draft start-up", () => {
  it("loads neither the service, the LLM client nor the parsers of formats it was not given", async () => {
    const files = ["discovery-call-2026-01-13.vtt", "email-thread.eml"].map((name) => join(SAMPLE_DEAL_DIR, name));
    const { src, packages } = await modulesLoadedBy(["draft", ...files, "--json"]);
    // What it must load: the recorder sees the command, the parsers of the formats given and the offline extractor.
    expect(src).toEqual(
      expect.arrayContaining([
        "src/cli/draft-command.ts",
        "src/ingest/vtt/parse-vtt.ts",
        "src/ingest/email/parse-eml.ts",
        "src/extraction/offline/offline-extractor.ts",
      ]),
    );
    const serviceOnly = /^src\/(?:deps\.ts|http\/|web\/|services\/|jobs\/|workers\/|batch\/|crm\/|extraction\/llm-client\.ts)/;
    const otherFormats = /^src\/ingest\/(?:pdf|stt-json|srt|text)\//;
    expect(src.filter((file) => serviceOnly.test(file) || otherFormats.test(file))).toEqual([]);
    const unused = [
      "hono",
      "@hono/zod-openapi",
      "@hono/node-server",
      "openai",
      "@langchain/core",
      "pdf-parse",
      "html-to-text",
      "csv-parse",
      "fast-xml-parser",
    ];
    expect(packages.filter((name) => unused.includes(name))).toEqual([]);
  });
});
