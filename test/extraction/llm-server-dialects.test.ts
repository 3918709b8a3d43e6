// `baton draft`'s extraction against each way real OpenAI-compatible servers answer, every error body
// written the way that server sends it (test/support/llm-server-behaviours.ts). HTTP retries are off
// (house style for msw); retried behaviours are tested with an injected fetch at the end.
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { AppError } from "../../src/errors.ts";
import { describeLlmDestination } from "../../src/extraction/describe-llm-destination.ts";
import { logExtractionFailure } from "../../src/extraction/log-extraction-failure.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestExtractor, draftWith, parseSampleDeal, useTempDatabase, SAMPLE_DEAL_LLM_ITEMS } from "../support/llm-test-harness.ts";
import {
  SERVER_BEHAVIOURS,
  type ServerBehaviour,
  type ServerReply,
  type ServerRequest,
  openAiError,
} from "../support/llm-server-behaviours.ts";

const database = useTempDatabase();
const ORIGIN = "http://llm.test";

let behaviour: ServerBehaviour | undefined;
const requests: { path: string; body: ServerRequest }[] = [];

function toResponse(reply: ServerReply): Promise<Response> | Response {
  if (reply.hang) return delay("infinite").then(() => new Response(null));
  const text = reply.text ?? JSON.stringify(reply.json);
  const headers = { "content-type": "application/json", ...reply.headers };
  return new HttpResponse(reply.cut ? text.slice(0, Math.floor(text.length / 2)) : text, { status: reply.status, headers });
}

const server = setupServer(
  http.post(`${ORIGIN}/*`, async ({ request }) => {
    const path = new URL(request.url).pathname;
    const body = (await request.json()) as ServerRequest;
    requests.push({ path, body });
    if (behaviour === undefined) return HttpResponse.json({ error: "no behaviour set" }, { status: 418 });
    if (path !== `${behaviour.basePath ?? "/v1"}/chat/completions`) return new HttpResponse("404 page not found", { status: 404 });
    return toResponse(behaviour.reply(body, requests.length));
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  behaviour = undefined;
  requests.length = 0;
});
afterAll(() => server.close());

let modelCount = 0;

/** Drafts the sample deal against `name`; each call gets a model of its own, as adaptations are remembered per model. */
async function draftAgainst(name: string, env: Record<string, string> = {}) {
  behaviour = SERVER_BEHAVIOURS.find((b) => b.name === name);
  if (behaviour === undefined) throw new Error(`no behaviour ${name}`);
  modelCount += 1;
  const base = `${ORIGIN}${behaviour.basePath ?? "/v1"}`;
  const extractor = await createTestExtractor(database.current(), {
    OPENAI_BASE_URL: base,
    BATON_MODEL: `dialect-model-${modelCount}`,
    ...behaviour.env,
    ...env,
  });
  return draftWith(extractor, await parseSampleDeal()).then(
    (draft) => ({ draft, error: undefined }),
    (error: unknown) => {
      expect(error).toBeInstanceOf(AppError);
      return { draft: undefined, error: error as AppError };
    },
  );
}

describe("servers that need an adapted request", () => {
  it("a reasoning model: max_tokens becomes max_completion_tokens with no setting changed", async () => {
    const { draft } = await draftAgainst("reasoning model rejects temperature and max_tokens");
    expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
    expect(requests.map((r) => [r.body.max_tokens, r.body.max_completion_tokens, r.body.temperature])).toEqual([
      [8_000, undefined, undefined],
      [undefined, 8_000, undefined],
    ]);
  });

  it("a reasoning model with BATON_LLM_TEMPERATURE=0: temperature is dropped too, and both are remembered for the model", async () => {
    behaviour = SERVER_BEHAVIOURS.find((b) => b.name === "reasoning model, BATON_LLM_TEMPERATURE=0 set")!;
    const env = { OPENAI_BASE_URL: `${ORIGIN}/v1`, BATON_MODEL: "o-remembered", BATON_LLM_TEMPERATURE: "0" };
    await draftWith(await createTestExtractor(database.current(), env), await parseSampleDeal());
    expect(requests.map((r) => Object.keys(r.body).filter((k) => /tokens|temperature/.test(k)))).toEqual([
      ["max_tokens", "temperature"],
      ["max_completion_tokens", "temperature"],
      ["max_completion_tokens"],
    ]);
    // A new extractor (the service builds one per run) starts with what the model taught: one call.
    requests.length = 0;
    const extractor = await createTestExtractor(database.current(), env);
    const again = await createDraft(await parseSampleDeal(), { extractor, now: () => new Date() }, { refresh: true });
    expect(again.usage).toMatchObject({ llmCalls: 1, cachedCalls: 0 });
    expect(requests.map((r) => Object.keys(r.body).filter((k) => /tokens|temperature/.test(k)))).toEqual([["max_completion_tokens"]]);
  });

  it("a model allowing 4,096 output tokens: the reservation is lowered to the limit it names", async () => {
    const { draft } = await draftAgainst("model allows 4,096 output tokens");
    expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
    expect(requests.map((r) => r.body.max_tokens)).toEqual([8_000, 4_096]);
  });

  it("an older vLLM rejecting json_schema in its flat error shape: json_object is used", async () => {
    const { draft } = await draftAgainst("older vLLM rejects json_schema");
    expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
    expect(requests.map((r) => r.body.response_format?.type)).toEqual(["json_schema", "json_object"]);
  });

  it("a server rejecting every response_format and answering prose around a fenced object: the schema goes in the prompt", async () => {
    const { draft } = await draftAgainst("server rejects every response_format, answers prose");
    expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
    expect(requests.map((r) => r.body.response_format?.type ?? "none")).toEqual(["json_schema", "json_object", "none"]);
    expect(requests[2]?.body.messages[0]?.content).toContain("Return only a JSON object that validates against this JSON Schema");
  });

  it("an 8K-context server with BATON_LLM_CONTEXT_TOKENS=8192 and 2,048 output tokens: chunks that fit", async () => {
    const { draft } = await draftAgainst("8K-context vLLM, context 8192 and 2,048 output tokens");
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((r) => r.body.max_tokens === 2_048)).toBe(true);
    expect(draft?.items.length).toBeGreaterThan(40);
  });
});

describe("answers as servers give them", () => {
  for (const name of ["ignores the schema: prose and fenced JSON", "reasoning output: <think> block, then JSON"]) {
    it(`accepts ${name}, in one call`, async () => {
      const { draft } = await draftAgainst(name);
      expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
      expect(requests).toHaveLength(1);
    });
  }

  for (const name of ["cut-off body once", "HTML page with status 200 once", "empty choices once"]) {
    it(`asks once more after a ${name.replace(/ once$/, "")}`, async () => {
      const { draft } = await draftAgainst(name);
      expect(draft?.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
      expect(draft?.usage.llmCalls).toBe(1);
      expect(requests).toHaveLength(2);
    });
  }
});

// Each failure: one line naming the cause and the setting to change; never the server's own text.
const FAILURES: { name: string; cause: string; message: RegExp; requests: number; code?: string }[] = [
  {
    name: "8K-context vLLM, default settings",
    cause: "context_too_long",
    requests: 1,
    message:
      /^the prompt and the output reservation do not fit the model's context \(HTTP 400; the server's context is 8192 tokens\): set BATON_LLM_CONTEXT_TOKENS to the model's context window \(now 32768\) or lower BATON_LLM_MAX_OUTPUT_TOKENS \(now 8000\)$/,
  },
  {
    name: "8K-context vLLM, BATON_LLM_CONTEXT_TOKENS=8192",
    cause: "context_too_small",
    code: "CONFIG_INVALID",
    requests: 0,
    message:
      /^one LLM call cannot fit in BATON_LLM_CONTEXT_TOKENS=8192: the fixed prompt takes about [\d,]+ tokens, the output reservation 8,000 \(BATON_LLM_MAX_OUTPUT_TOKENS\) and the longest turn about \d+; set BATON_LLM_CONTEXT_TOKENS to the model's context window or lower BATON_LLM_MAX_OUTPUT_TOKENS \(to 2,304, say\)$/,
  },
  {
    name: "bad API key (OpenAI)",
    cause: "auth",
    requests: 1,
    message: /^LLM endpoint rejected the API key \(HTTP 401 invalid_api_key\): check OPENAI_API_KEY$/,
  },
  {
    name: "bad API key (llama.cpp --api-key)",
    cause: "auth",
    requests: 1,
    message: /^LLM endpoint rejected the API key \(HTTP 401\): check OPENAI_API_KEY$/,
  },
  {
    name: "wrong base URL, /v1 missing (Ollama)",
    cause: "wrong_url",
    requests: 1,
    message:
      /^LLM endpoint has no chat completions at http:\/\/llm\.test \(HTTP 404\): check OPENAI_BASE_URL \(OpenAI-compatible servers usually end in \/v1\)$/,
  },
  {
    name: "unknown model (OpenAI)",
    cause: "unknown_model",
    requests: 1,
    message: /^LLM endpoint does not serve the model "dialect-model-\d+" \(HTTP 404 model_not_found\): check BATON_MODEL$/,
  },
  {
    name: "unknown model (Ollama)",
    cause: "unknown_model",
    requests: 1,
    message: /^LLM endpoint does not serve the model "dialect-model-\d+" \(HTTP 404\): check BATON_MODEL$/,
  },
  {
    name: "unknown model (vLLM)",
    cause: "unknown_model",
    requests: 1,
    message: /^LLM endpoint does not serve the model "dialect-model-\d+" \(HTTP 404\): check BATON_MODEL$/,
  },
  {
    name: "quota exhausted (insufficient_quota)",
    cause: "quota",
    requests: 1,
    message:
      /^LLM account has no quota left \(HTTP 429 insufficient_quota, not retried\): add credit, or set OPENAI_API_KEY to another account's key$/,
  },
  {
    name: "server error 503 on every attempt",
    cause: "server_error",
    requests: 1,
    message: /^LLM endpoint failed with HTTP 503 \(server error\): check the server, or raise BATON_LLM_MAX_RETRIES \(now 0\)$/,
  },
  {
    name: "LM Studio with BATON_LLM_JSON_MODE=json_object",
    cause: "unsupported_parameter",
    requests: 1,
    message: /^LLM endpoint rejected the response format \(HTTP 400\): set BATON_LLM_JSON_MODE=auto to let Baton find one it accepts$/,
  },
];

describe("failures name the cause and the setting", () => {
  for (const failure of FAILURES) {
    it(`${failure.name}: ${failure.cause}`, async () => {
      const { error } = await draftAgainst(failure.name);
      expect(error?.code).toBe(failure.code ?? "LLM_FAILED");
      expect(error?.message).toMatch(failure.message);
      expect(error?.context).toMatchObject({ cause: failure.cause });
      expect(requests).toHaveLength(failure.requests);
    });
  }

  it("keeps the server's status, code, param and type on the error, and never its message", async () => {
    const { error } = await draftAgainst("bad API key (OpenAI)");
    expect(error?.context).toMatchObject({ status: 401, code: "invalid_api_key", param: null, type: "invalid_request_error", attempts: 1 });
    expect(error?.message).not.toContain("sk-wrong");
    expect(JSON.stringify(error?.context)).not.toContain("sk-wrong");
  });

  it("does not cache a refusal: a second run asks again and gets the healthy answer", async () => {
    const first = await draftAgainst("refusal, then healthy (two runs)");
    // Ten sections declined; the stakeholders come from the sources' own headers and addresses.
    expect(first.draft?.gaps.filter((g) => g.question.startsWith("The model declined"))).toHaveLength(9);
    const extractor = await createTestExtractor(database.current(), {
      OPENAI_BASE_URL: `${ORIGIN}/v1`,
      BATON_MODEL: `dialect-model-${modelCount}`,
    });
    const second = await draftWith(extractor, await parseSampleDeal());
    expect(requests).toHaveLength(2);
    expect(second.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
  });
});

describe("retried behaviours, through an injected fetch", () => {
  const fetchFor = (reply: ServerReply) => {
    const calls: number[] = [];
    const fetch = async () => {
      calls.push(calls.length + 1);
      const text = reply.text ?? JSON.stringify(reply.json);
      return new Response(text, { status: reply.status, headers: { "content-type": "application/json", ...reply.headers } });
    };
    return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
  };

  it("never retries an exhausted quota, even with retries configured", async () => {
    const quota = fetchFor(
      openAiError(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        null,
        "insufficient_quota",
      ),
    );
    const extractor = await createTestExtractor(
      database.current(),
      { BATON_LLM_MAX_RETRIES: "2", BATON_MODEL: "quota-model" },
      quota.fetch,
    );
    const error = await draftWith(extractor, await parseSampleDeal()).catch((e: unknown) => e as AppError);
    expect(quota.calls).toHaveLength(1);
    expect(error).toMatchObject({ code: "LLM_FAILED", context: { cause: "quota", attempts: 1 } });
  });

  it("says how many attempts were made when it did retry", async () => {
    const busy = fetchFor({
      ...openAiError(429, "Rate limit reached", "requests", null, "rate_limit_exceeded"),
      headers: { "retry-after-ms": "5" },
    });
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_MAX_RETRIES: "2", BATON_MODEL: "busy-model" }, busy.fetch);
    const error = (await draftWith(extractor, await parseSampleDeal()).catch((e: unknown) => e)) as AppError;
    expect(busy.calls).toHaveLength(3);
    expect(error.message).toBe(
      "LLM endpoint is rate limiting (HTTP 429 rate_limit_exceeded) after 3 attempts: run again later, or raise BATON_LLM_MAX_RETRIES (now 2)",
    );
  });
});

describe("the service's pieces", () => {
  it("logs a failed extraction as one line of run id, cause class, server code and usage, without the message", async () => {
    const { error } = await draftAgainst("bad API key (OpenAI)");
    const lines: string[] = [];
    logExtractionFailure(
      createLogger((line) => lines.push(line)),
      "run_123",
      error,
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "error",
      message: "extraction failed",
      runId: "run_123",
      code: "LLM_FAILED",
      cause: "auth",
      status: 401,
      serverCode: "invalid_api_key",
      attempts: 1,
      llmCalls: 0,
      promptTokens: 0,
      completionTokens: 0,
    });
    expect(lines[0]).not.toContain("sk-wrong");
    expect(lines[0]).not.toContain("API key");
  });

  it("describes where customer text goes, and nothing for the offline extractor", () => {
    expect(describeLlmDestination(loadConfig({ BATON_EXTRACTOR: "offline" }))).toBeUndefined();
    expect(describeLlmDestination(loadConfig({ OPENAI_API_KEY: "sk-x" }))).toBe(
      "customer text is sent to api.openai.com for extraction (BATON_EXTRACTOR=auto found an endpoint in OPENAI_API_KEY / OPENAI_BASE_URL); " +
        "PII masking is off (BATON_MASK_PII=true replaces email addresses and phone numbers); BATON_EXTRACTOR=offline keeps everything on this machine",
    );
    const explicit = describeLlmDestination(
      loadConfig({ BATON_EXTRACTOR: "llm", OPENAI_BASE_URL: "http://10.0.0.5:8000/v1", BATON_MASK_PII: "true" }),
    );
    expect(explicit).toMatch(/^customer text is sent to 10\.0\.0\.5:8000 for extraction; PII masking is on/);
  });
});
