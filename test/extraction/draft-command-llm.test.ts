import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.ts";
import { DraftSchema } from "../../src/domain/draft.ts";
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
  // Chosen explicitly, so no privacy notice; the auto-mode notice has its own tests below.
  Object.assign(process.env, llmEnv({ BATON_DB: database.path(), BATON_EXTRACTOR: "llm" }));
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

async function draft(...flags: string[]) {
  return draftOn({ tty: false }, ...flags);
}

async function draftOn(terminal: { tty: boolean }, ...flags: string[]) {
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
    stderrIsTty: terminal.tty,
  });
  return { code, stdout, stderr };
}

const NOTICE =
  "baton: customer text is sent to llm.test for extraction (BATON_EXTRACTOR=auto found an endpoint in OPENAI_API_KEY / OPENAI_BASE_URL); " +
  "PII masking is off (BATON_MASK_PII=true replaces email addresses and phone numbers); BATON_EXTRACTOR=offline keeps everything on this machine\n";

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

  it("shows the server's status, code, param and type with --debug, never its message", async () => {
    llm.replyAlways({
      status: 400,
      json: { error: { message: "secret upstream detail", type: "invalid_request_error", param: "tools", code: "invalid_value" } },
    });
    const result = await draft("--debug");
    expect(result.code).toBe(3);
    const [line, details] = result.stderr.split("\n");
    expect(line).toBe(
      "baton draft: LLM endpoint refused the request (HTTP 400 invalid_value, parameter tools): run with --debug to see the server's code and type",
    );
    expect(JSON.parse(details!.replace(/^details: /, ""))).toMatchObject({
      cause: "bad_request",
      status: 400,
      code: "invalid_value",
      param: "tools",
      type: "invalid_request_error",
      attempts: 1,
    });
    expect(result.stderr).not.toContain("secret upstream detail");
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
    expect(result.stdout).toContain("“I'd say about 150 seats.” — discovery-call-2026-01-13.vtt, Nate, 6:35");
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

  it("in auto mode says once, before the first call, which host gets customer text; a cached re-run sends nothing and says nothing", async () => {
    process.env.BATON_EXTRACTOR = "auto";
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const first = await draft();
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(NOTICE);
    const again = await draft();
    expect(again.stderr).toBe("");
    expect(llm.requests).toHaveLength(1);
  });

  it("says that masking is on when BATON_MASK_PII=true", async () => {
    process.env.BATON_EXTRACTOR = "auto";
    process.env.BATON_MASK_PII = "true";
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const result = await draft();
    expect(result.stderr).toContain("; PII masking is on (email addresses and phone numbers are replaced before sending);");
  });

  it("asks the model again with --refresh, replacing the cached answer", async () => {
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")), completionReply(readLlmAnswer("kestrel-ridge-freight")));
    await draft("--json");
    const refreshed = await draft("--json", "--refresh");
    expect(refreshed.code).toBe(0);
    expect(DraftSchema.parse(JSON.parse(refreshed.stdout)).usage).toMatchObject({ llmCalls: 1, cachedCalls: 0 });
    expect(llm.requests).toHaveLength(2);
    const cached = await draft("--json");
    expect(DraftSchema.parse(JSON.parse(cached.stdout)).usage).toMatchObject({ llmCalls: 0, cachedCalls: 1 });
  });

  it("shows parsing, the model call with its tokens, and grounding on a terminal's stderr, and nothing on a pipe", async () => {
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight"), { promptTokens: 9_100, completionTokens: 3_900 }));
    const onTerminal = await draftOn({ tty: true });
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout).toMatch(/^# Handoff draft\n/);
    const shown = onTerminal.stderr.split(/\r\u001b\[K/).filter(Boolean);
    expect(shown[0]).toBe("parsing 4 files…");
    expect(shown[1]).toMatch(/^calling test-model, call 1: \d+ s$/);
    expect(shown.some((text) => /^test-model answered call 1 in \d+ s: 9,100 prompt \+ 3,900 completion tokens\n$/.test(text))).toBe(true);
    expect(shown).toContain("checking every quote against the sources…");
    // The status line is cleared before the draft is printed.
    expect(onTerminal.stderr.endsWith("\r\u001b[K")).toBe(true);
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const onPipe = await draft("--refresh");
    expect(onPipe.stderr).toBe("");
  });
});
