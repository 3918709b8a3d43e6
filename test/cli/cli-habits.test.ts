import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { ParsedSourceSchema } from "../../src/domain/source.ts";
import { FIXTURES_DIR, PROJECT_DIR, runCapturedCli, SAMPLE_DEAL_DIR, useOfflineEnvironment } from "./run-captured-cli.ts";

const run = promisify(execFile);
const NODE = join(PROJECT_DIR, "node_modules/.bin/node");
const OFFLINE_ENV = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", BATON_EXTRACTOR: "offline" };
const VTT = join(FIXTURES_DIR, "formats/vtt/teams-meeting.vtt");

describe("CLI habits", () => {
  useOfflineEnvironment();

  it("prints the version from package.json and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      expect(await runCapturedCli([flag])).toEqual({ code: 0, stdout: `baton ${version}\n`, stderr: "" });
    }
  });

  it("prints each command's own help on stdout and exits 0, without running it", async () => {
    for (const command of ["parse", "draft", "verify", "eval", "serve", "users"]) {
      for (const argv of [
        [command, "--help"],
        [command, "-h"],
        ["help", command],
      ]) {
        const result = await runCapturedCli(argv);
        expect(result, argv.join(" ")).toMatchObject({ code: 0, stderr: "" });
        expect(result.stdout).toMatch(new RegExp(`^usage: baton ${command} `));
      }
    }
    expect((await runCapturedCli(["draft", "--help"])).stdout).toContain("--refresh");
  });

  it("reads the file from stdin for `parse -`, recognising the format from the content", async () => {
    const result = await runCapturedCli(["parse", "-", "--json"], readFileSync(VTT, "utf8"));
    expect(result.code, result.stderr).toBe(0);
    const { source } = ParsedSourceSchema.parse(JSON.parse(result.stdout));
    expect(source).toMatchObject({ filename: "stdin", format: "vtt" });
    const fromFile = await runCapturedCli(["parse", VTT, "--json"]);
    expect(JSON.parse(result.stdout).segments).toEqual(JSON.parse(fromFile.stdout).segments);
  });

  it("takes one of a deal's files from stdin for `draft -`, and refuses - twice", async () => {
    const files = ["discovery-call-2026-01-13.vtt", "email-thread.eml"].map((name) => join(SAMPLE_DEAL_DIR, name));
    const fromStdin = await runCapturedCli(["draft", "--json", files[0]!, "-"], readFileSync(files[1]!, "utf8"));
    const fromFiles = await runCapturedCli(["draft", "--json", ...files]);
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const items = (run: { stdout: string }) => (JSON.parse(run.stdout) as { items: { statement: string }[] }).items.map((i) => i.statement);
    expect(items(fromStdin)).toEqual(items(fromFiles));
    const twice = await runCapturedCli(["draft", "-", "-"], "WEBVTT\n");
    expect(twice).toMatchObject({ code: 2, stdout: "", stderr: "baton draft: standard input (-) can be given only once\n" });
  });

  it("checks a quote against a source read from stdin with `verify --source -`", async () => {
    const result = await runCapturedCli(["verify", "--source", "-", "--quote", "Thanks for joining", "--json"], readFileSync(VTT, "utf8"));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("match");
  });

  it("listens on 127.0.0.1 unless HOST says otherwise", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "" }).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });
});

describe("the baton binary on a closed pipe", () => {
  it("prints no stack trace when the reader stops early (`baton draft --json | head -1`)", async () => {
    // The whole sample deal: its JSON draft (about 140 kB) is larger than a pipe's buffer.
    const { stdout, stderr } = await run(
      "sh",
      ["-c", `"${NODE}" src/main.ts draft --json fixtures/deals/kestrel-ridge-freight/* | head -1`],
      {
        cwd: PROJECT_DIR,
        env: OFFLINE_ENV,
      },
    );
    expect(stdout).toBe("{\n");
    expect(stderr).toBe("");
  });

  it("answers --version through the real entry point", async () => {
    const { stdout } = await run(NODE, ["src/main.ts", "--version"], { cwd: PROJECT_DIR, env: OFFLINE_ENV });
    expect(stdout).toMatch(/^baton \d+\.\d+\.\d+\n$/);
  });
});
