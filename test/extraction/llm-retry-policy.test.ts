// Retry policy, tested by injecting fetch into the client (house style: not through msw, whose
// bodies never settle when the client cancels them before a retry).
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../src/errors.ts";
import { createLlmClient, type LlmClientOptions } from "../../src/extraction/llm-client.ts";
import { answerWith, createTestExtractor, draftWith, parseSampleDeal, useTempDatabase } from "../support/llm-test-harness.ts";
import { completionReply, errorReply, type LlmReply, toResponse } from "../support/msw-openai.ts";

const database = useTempDatabase();

type Step = LlmReply | "connection-error" | "hang";

/** A fetch that plays the steps in order and records each call, in order with the waits of `recordWaits`. */
function scriptedFetch(steps: Step[], events: string[] = []) {
  const calls: { body: string }[] = [];
  const fetch = async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ body: String(init?.body ?? "") });
    events.push("call");
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step === "connection-error") throw new TypeError("fetch failed");
    if (step === "hang") {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true });
      });
    }
    return toResponse(step);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/**
 * Records every timer that fires, with the delay it was set for: the client's sleeps before a
 * retry fire, its per-attempt timeouts are cleared unfired. The test asserts the waits the client
 * chose, not how long the machine took (wall-clock time is measured by `npm run bench llm`).
 */
function recordWaits(events: string[]): void {
  const setTimer = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    setTimer(() => {
      events.push(`waited ${ms} ms`);
      callback(...args);
    }, ms)) as typeof setTimeout);
}

afterEach(() => {
  vi.restoreAllMocks();
});

function clientWith(fetch: typeof globalThis.fetch, options: Partial<LlmClientOptions> = {}) {
  return createLlmClient({
    apiKey: "test-key",
    baseUrl: "http://llm.test/v1",
    model: "test-model",
    timeoutMs: 5_000,
    maxRetries: 2,
    jsonMode: "json_schema",
    fetch,
    ...options,
  });
}

const request = { messages: [{ role: "user" as const, content: "hi" }], schemaName: "handoff_extraction", jsonSchema: { type: "object" } };
const ok = completionReply({ ok: true });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("retries of the LLM client", () => {
  it("waits as long as Retry-After says after a 429, then succeeds", async () => {
    const events: string[] = [];
    recordWaits(events);
    const script = scriptedFetch([errorReply(429, "Rate limit reached", { "retry-after": "1" }), ok], events);
    const completion = await clientWith(script.fetch).completeJson(request);
    expect(completion.content).toBe('{"ok":true}');
    expect(events).toEqual(["call", "waited 1000 ms", "call"]);
  });

  it("honours retry-after-ms over the default backoff", async () => {
    const events: string[] = [];
    recordWaits(events);
    const script = scriptedFetch([errorReply(429, "Rate limit reached", { "retry-after-ms": "700" }), ok], events);
    await clientWith(script.fetch).completeJson(request);
    // The default first backoff is at most 500 ms, so a wait of 700 ms comes from the header.
    expect(events).toEqual(["call", "waited 700 ms", "call"]);
  });

  it("does not sleep for an unbounded Retry-After: it fails at once and says how long it was asked to wait", async () => {
    const events: string[] = [];
    recordWaits(events);
    const script = scriptedFetch([errorReply(429, "Rate limit reached", { "retry-after": "3600" }), ok], events);
    const error = await failureOf(clientWith(script.fetch).completeJson(request));
    expect(events).toEqual(["call"]);
    expect(error.code).toBe("LLM_FAILED");
    expect(error.message).toBe("LLM endpoint is rate limiting (HTTP 429) and asked to wait 3600 s, over the 60 s limit: run again later");
  });

  it("retries a 500 and returns the next answer", async () => {
    const script = scriptedFetch([errorReply(500, "upstream exploded", { "retry-after-ms": "10" }), ok]);
    const completion = await clientWith(script.fetch).completeJson(request);
    expect(completion.finishReason).toBe("stop");
    expect(script.calls).toHaveLength(2);
  });

  it("gives up after maxRetries and reports the status, without the server's message", async () => {
    const script = scriptedFetch([errorReply(503, "secret upstream detail", { "retry-after-ms": "10" })]);
    const error = await failureOf(clientWith(script.fetch, { maxRetries: 2 }).completeJson(request));
    expect(script.calls).toHaveLength(3);
    expect(error.code).toBe("LLM_FAILED");
    expect(error.message).toBe(
      "LLM endpoint failed with HTTP 503 (server error) after 3 attempts: check the server, or raise BATON_LLM_MAX_RETRIES (now 2)",
    );
    expect(error.context).toMatchObject({ status: 503 });
  });

  it("does not retry a 400", async () => {
    const script = scriptedFetch([errorReply(400, "This model's maximum context length is 8192 tokens")]);
    const error = await failureOf(clientWith(script.fetch).completeJson(request));
    expect(script.calls).toHaveLength(1);
    expect(error.message).toBe(
      "the prompt and the output reservation do not fit the model's context (HTTP 400; the server's context is 8192 tokens): set BATON_LLM_CONTEXT_TOKENS to the model's context window or lower BATON_LLM_MAX_OUTPUT_TOKENS",
    );
  });

  it("retries connection errors, then says the endpoint could not be reached", async () => {
    const script = scriptedFetch(["connection-error"]);
    const error = await failureOf(clientWith(script.fetch, { maxRetries: 1 }).completeJson(request));
    expect(script.calls).toHaveLength(2);
    expect(error.code).toBe("LLM_FAILED");
    expect(error.message).toBe(
      "LLM endpoint http://llm.test/v1 could not be reached after 2 attempts: check OPENAI_BASE_URL and that the server is running",
    );
  });

  it("times out each attempt and ends with TIMEOUT", async () => {
    const script = scriptedFetch(["hang"]);
    const error = await failureOf(clientWith(script.fetch, { timeoutMs: 50, maxRetries: 1 }).completeJson(request));
    expect(script.calls).toHaveLength(2);
    expect(error.code).toBe("TIMEOUT");
  });

  it("stops without retrying when the caller aborts", async () => {
    const script = scriptedFetch(["hang"]);
    const controller = new AbortController();
    const pending = clientWith(script.fetch).completeJson({ ...request, signal: controller.signal });
    // Abort once the request is in flight, whatever the machine's speed.
    await vi.waitFor(() => expect(script.calls).toHaveLength(1), { timeout: 10_000 });
    controller.abort();
    const error = await failureOf(pending);
    expect(error.code).toBe("TIMEOUT");
    expect(script.calls).toHaveLength(1);
  });
});

describe("one retry layer", () => {
  it("makes exactly maxRetries + 1 requests for a failing deal: the extractor adds no retries of its own", async () => {
    const sources = await parseSampleDeal();
    const script = scriptedFetch([errorReply(500, "down", { "retry-after-ms": "5" })]);
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_MAX_RETRIES: "2" }, script.fetch);
    const error = await failureOf(draftWith(extractor, sources));
    expect(error.code).toBe("LLM_FAILED");
    expect(script.calls).toHaveLength(3);
  });

  it("recovers inside the client when a retry succeeds, counting one LLM call", async () => {
    const sources = await parseSampleDeal();
    const script = scriptedFetch([errorReply(429, "slow down", { "retry-after-ms": "5" }), completionReply(answerWith())]);
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_MAX_RETRIES: "2" }, script.fetch);
    const draft = await draftWith(extractor, sources);
    expect(script.calls).toHaveLength(2);
    expect(draft.usage.llmCalls).toBe(1);
  });
});
