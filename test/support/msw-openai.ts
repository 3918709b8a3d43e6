// The one msw file for the OpenAI-compatible endpoint: a fake base URL, a queue of replies,
// and every request body recorded so tests can assert what left for the model.
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const LLM_BASE_URL = "http://llm.test/v1";

/** One scripted answer of the endpoint. */
export type LlmReply = {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body, or raw text when `text` is set instead. */
  json?: unknown;
  text?: string;
  /** Milliseconds to wait before answering (timeout tests). */
  delayMs?: number;
  /** Answer only once this settles: a slow model the test releases when it chooses (no wall-clock wait). */
  until?: Promise<unknown>;
};

export type ChatRequestBody = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
};

export type RecordedRequest = { url: string; text: string; body: ChatRequestBody; authorization: string | null };

export type CompletionOptions = {
  finishReason?: "stop" | "length" | "content_filter";
  refusal?: string | null;
  promptTokens?: number;
  completionTokens?: number;
};

/** A chat.completion body whose message content is `content` (objects are serialized as the model would). */
export function createCompletionBody(content: unknown, options: CompletionOptions = {}) {
  const text = content === null ? null : typeof content === "string" ? content : JSON.stringify(content);
  const promptTokens = options.promptTokens ?? 1000;
  const completionTokens = options.completionTokens ?? Math.ceil((text ?? "").length / 4);
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "test-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: text, refusal: options.refusal ?? null },
        finish_reason: options.finishReason ?? "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** A 200 reply carrying `content` as the model's message. */
export function completionReply(content: unknown, options: CompletionOptions = {}): LlmReply {
  return { status: 200, json: createCompletionBody(content, options) };
}

/** An error reply shaped like OpenAI's error envelope. */
export function errorReply(status: number, message: string, headers: Record<string, string> = {}): LlmReply {
  return { status, headers, json: { error: { message, type: "test_error", param: null, code: null } } };
}

/** Renders a scripted reply as a fetch Response (used by msw and by injected-fetch tests). */
export function toResponse(reply: LlmReply): Response {
  const init = { status: reply.status, headers: reply.headers ?? {} };
  return reply.text === undefined ? HttpResponse.json(reply.json as object, init) : new HttpResponse(reply.text, init);
}

/** Handler of POST {baseUrl}/chat/completions answering from a queue and recording each request. */
export function createChatCompletionsHandler(baseUrl = LLM_BASE_URL) {
  const queue: LlmReply[] = [];
  const requests: RecordedRequest[] = [];
  /** Each request's abort signal, in order: a test can tell whether the caller gave up on a call. */
  const signals: AbortSignal[] = [];
  const unexpected: string[] = [];
  let always: LlmReply | ((body: ChatRequestBody) => LlmReply) | undefined;
  const handler = http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
    signals.push(request.signal);
    const text = await request.text();
    requests.push({
      url: request.url,
      text,
      body: JSON.parse(text) as ChatRequestBody,
      authorization: request.headers.get("authorization"),
    });
    const reply = queue.shift() ?? (typeof always === "function" ? always(requests.at(-1)!.body) : always);
    if (reply === undefined) {
      unexpected.push(`request ${requests.length} had no queued reply`);
      return HttpResponse.json({ error: { message: "msw-openai: no reply queued" } }, { status: 418 });
    }
    if (reply.delayMs !== undefined) await delay(reply.delayMs);
    if (reply.until !== undefined) await reply.until;
    return toResponse(reply);
  });
  return {
    handler,
    requests,
    signals,
    /** Replies given in order, one per request. */
    enqueue(...replies: LlmReply[]) {
      queue.push(...replies);
    },
    /** Answer every request past the queue with this reply, or with what `reply` makes of the request body. */
    replyAlways(reply: LlmReply | ((body: ChatRequestBody) => LlmReply)) {
      always = reply;
    },
    get pending() {
      return queue.length;
    },
    takeUnexpected(): string[] {
      return unexpected.splice(0);
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
      signals.length = 0;
      unexpected.length = 0;
      always = undefined;
    },
  };
}

export type OpenAiMock = ReturnType<typeof createChatCompletionsHandler>;

/**
 * Starts msw for this test file (unhandled requests are errors, so nothing reaches the network)
 * and resets the queue after each test; a request without a queued reply fails the test.
 */
export function setupOpenAiMock(baseUrl = LLM_BASE_URL): OpenAiMock {
  const mock = createChatCompletionsHandler(baseUrl);
  const server = setupServer(mock.handler);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    const unexpected = mock.takeUnexpected();
    mock.reset();
    if (unexpected.length > 0) throw new Error(`msw-openai: ${unexpected.join("; ")}`);
  });
  afterAll(() => server.close());
  return mock;
}
