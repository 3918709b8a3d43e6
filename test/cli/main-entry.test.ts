import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ParsedSourceSchema } from "../../src/domain/source.ts";
import { FIXTURES_DIR, PROJECT_DIR, runCapturedCli, useOfflineEnvironment } from "./run-captured-cli.ts";

const run = promisify(execFile);
const OFFLINE_ENV = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", BATON_EXTRACTOR: "" };

describe("the baton binary", () => {
  it("runs `parse FILE --json` from the real entry point with the project's Node", async () => {
    const { stdout, stderr } = await run(
      join(PROJECT_DIR, "node_modules/.bin/node"),
      ["src/main.ts", "parse", join(FIXTURES_DIR, "formats/vtt/teams-meeting.vtt"), "--json"],
      { cwd: PROJECT_DIR, env: OFFLINE_ENV },
    );
    expect(stderr).toBe("");
    const { source, segments } = ParsedSourceSchema.parse(JSON.parse(stdout));
    expect(source.format).toBe("vtt");
    for (const segment of segments) expect(source.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  });

  it("answers `npx baton --help` through package.json's bin", async () => {
    const { stdout } = await run("npx", ["--no", "--", "baton", "--help"], { cwd: PROJECT_DIR, env: OFFLINE_ENV });
    expect(stdout).toMatch(/^usage: baton <command>/);
    for (const command of ["parse", "draft", "verify", "eval"]) expect(stdout).toContain(`  ${command} `);
  });
});

describe("baton commands", () => {
  useOfflineEnvironment();

  it("prints the usage on --help and exits 0", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const result = await runCapturedCli([flag]);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout).toMatch(/^usage: baton <command>/);
    }
  });

  it("exits 2 with the usage when no command is given", async () => {
    const result = await runCapturedCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^usage: baton/);
  });

  it("exits 2 on an unknown command, naming it", async () => {
    const result = await runCapturedCli(["summarize", "call.vtt"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^baton: unknown command 'summarize'\nusage: baton/);
  });
});
