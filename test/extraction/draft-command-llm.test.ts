import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.ts";
import { DraftSchema } from "../../src/drafting/draft.ts";
import { llmEnv, readLlmAnswer, sampleDealPaths, useTempDatabase } from "../support/llm-test-harness.ts";
import { completionReply, errorReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();

// loadConfig() reads process.env, so the CLI is pointed at msw through it and restored afterwards.
const KEYS = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "BATON_MODEL",
  "BATON_EXTRACTOR",
  "BATON_DB",
  "BATON_LLM_MAX_RETRIES",
  "BATON_LLM_TIMEOUT_MS",
  "BATON_LLM_CONTEXT_TOKENS",
  "BATON_LLM_JSON_MODE",
  "BATON_MASK_PII",
];
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, llmEnv({ BATON_DB: database.path() }));
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

async function draft(...flags: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["draft", ...sampleDealPaths(), ...flags], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: Readable.from([]),
  });
  return { code, stdout, stderr };
}

describe("baton draft against an OpenAI-compatible endpoint", () => {
  it("exits 3 with one line saying what failed, and prints nothing, when the endpoint keeps failing", async () => {
    llm.replyAlways(errorReply(503, "model overloaded"));
    const result = await draft();
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "baton draft: LLM endpoint failed with HTTP 503 (server error): check the server, or raise BATON_LLM_MAX_RETRIES (now 0)\n",
    );
  });

  it("exits 3 when the endpoint times out", async () => {
    process.env.BATON_LLM_TIMEOUT_MS = "100";
    llm.replyAlways({ ...completionReply({}), delayMs: 1_000 });
    const result = await draft("--json");
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "baton draft: LLM endpoint did not answer within 0.1 s: raise BATON_LLM_TIMEOUT_MS (now 100) or check the server\n",
    );
  });

  it("exits 3 when every answer is malformed", async () => {
    llm.replyAlways(completionReply("I cannot produce JSON today."));
    const result = await draft();
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "baton draft: LLM answer did not match the handoff schema after one re-ask: the model may be too small for it; try another BATON_MODEL\n",
    );
  });

  it("prints the cited Markdown draft and exits 0", async () => {
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight"), { promptTokens: 9_100, completionTokens: 3_900 }));
    const result = await draft();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^# Handoff draft\n/);
    expect(result.stdout).toMatch(/_Extracted by test-model \(prompt extract-handoff\.v1\+[0-9a-f]{8}\); every quote checked/);
    expect(result.stdout).toContain("- The signed order form licenses 120 agent seats.\n  - “Quantity: 120 agent seats” — order-form.pdf");
    expect(result.stdout).toContain("“I'd say about 150 seats.” — discovery-call-2026-01-13.vtt, Nate Brennan, 6:35");
    expect(result.stdout).toContain("LLM calls: 1 (0 cached) · tokens: 9100 prompt, 3900 completion");
  });

  it("prints the JSON draft, and a second run answers from the cache in BATON_DB", async () => {
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const first = await draft("--json");
    const second = await draft("--json");

    expect(first.code).toBe(0);
    const parsed = DraftSchema.parse(JSON.parse(first.stdout));
    expect(parsed.extractor).toMatchObject({ kind: "llm", model: "test-model" });
    expect(parsed.usage.llmCalls).toBe(1);
    expect(second.code).toBe(0);
    const again = DraftSchema.parse(JSON.parse(second.stdout));
    expect(again.usage).toMatchObject({ llmCalls: 0, cachedCalls: 1 });
    expect(llm.requests).toHaveLength(1);
  });
});
