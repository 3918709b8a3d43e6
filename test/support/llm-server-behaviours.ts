// How real OpenAI-compatible servers answer, one behaviour each, with every error body written the
// way that server documents or sends it. Shared by the msw tests and the behaviour table
// (test/bench/llm-behaviour-table.ts), so both exercise the same answers. No vitest or msw imports:
// the table runs outside vitest.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export type ServerRequest = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
};

/** A scripted answer; `cut` sends only the first half of the body (a connection closed mid-answer). */
export type ServerReply = {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  cut?: boolean;
  /** Never answers (a hung server). */
  hang?: boolean;
};

export type ServerBehaviour = {
  name: string;
  /** Settings the run uses besides the endpoint's; none for "no setting changed". */
  env?: Record<string, string>;
  /** The base URL path the client is given, when not "/v1" (a wrong base URL). */
  basePath?: string;
  /** Nothing listens (a server that is down). */
  down?: boolean;
  /** How many times `baton draft` runs against it (a refusal is not cached: the second run asks again). */
  runs?: number;
  reply: (request: ServerRequest, call: number) => ServerReply;
};

const ANSWER_FILE = join(import.meta.dirname, "../../fixtures/llm-responses/kestrel-ridge-freight.hand-written.json");

/** The hand-written answer for the sample deal, as a model's message content. */
export function sampleAnswerText(): string {
  return readFileSync(ANSWER_FILE, "utf8");
}

/** A chat.completion body as OpenAI (and every compatible server) sends it. */
export function completion(content: string | null, options: { refusal?: string; finishReason?: string } = {}) {
  return {
    id: "chatcmpl-mock",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "mock-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: options.refusal ?? null },
        finish_reason: options.finishReason ?? "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 9_100, completion_tokens: 3_900, total_tokens: 13_000 },
  };
}

const ok = (content = sampleAnswerText()): ServerReply => ({ status: 200, json: completion(content) });

/** OpenAI's error object: https://platform.openai.com/docs/guides/error-codes */
export function openAiError(status: number, message: string, type: string, param: string | null, code: string | null): ServerReply {
  return { status, json: { error: { message, type, param, code } } };
}

/** vLLM before 0.6 (and its ErrorResponse since): a flat object with a numeric code. */
export function vllmError(status: number, message: string, type = "BadRequestError"): ServerReply {
  return { status, json: { object: "error", message, type, param: null, code: status } };
}

/** llama.cpp server: OpenAI's envelope with a numeric code and its own types. */
export function llamaCppError(status: number, message: string, type: string, extra: Record<string, unknown> = {}): ServerReply {
  return { status, json: { error: { code: status, message, type, ...extra } } };
}

/** Ollama and LM Studio: `{"error": "..."}` with a plain string. */
export function stringError(status: number, message: string): ServerReply {
  return { status, json: { error: message } };
}

const CONTEXT_8K = 8_192;
// A server counts the schema it was sent too; about four characters a token is close enough here.
const promptTokens = (request: ServerRequest) => Math.ceil(JSON.stringify(request.messages).length / 4) + 2_400;
const outputTokens = (request: ServerRequest) => request.max_completion_tokens ?? request.max_tokens ?? 0;

function eightKContext(request: ServerRequest): ServerReply {
  const prompt = promptTokens(request);
  if (prompt + outputTokens(request) <= CONTEXT_8K) return ok();
  return vllmError(
    400,
    `This model's maximum context length is ${CONTEXT_8K} tokens. However, you requested ${prompt + outputTokens(request)} tokens (${prompt} in the messages, ${outputTokens(request)} in the completion). Please reduce the length of the messages or completion.`,
  );
}

/** o-series / gpt-5: no temperature other than the default, no max_tokens. */
function reasoningModel(request: ServerRequest): ServerReply {
  if (request.max_tokens !== undefined) {
    return openAiError(
      400,
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      "invalid_request_error",
      "max_tokens",
      "unsupported_parameter",
    );
  }
  if (request.temperature !== undefined) {
    return openAiError(
      400,
      `Unsupported value: 'temperature' does not support ${request.temperature} with this model. Only the default (1) value is supported.`,
      "invalid_request_error",
      "temperature",
      "unsupported_value",
    );
  }
  return ok();
}

export const SERVER_BEHAVIOURS: ServerBehaviour[] = [
  { name: "healthy endpoint", reply: () => ok() },
  { name: "reasoning model rejects temperature and max_tokens", reply: reasoningModel },
  { name: "reasoning model, BATON_LLM_TEMPERATURE=0 set", env: { BATON_LLM_TEMPERATURE: "0" }, reply: reasoningModel },
  {
    name: "model allows 4,096 output tokens",
    reply: (request) =>
      outputTokens(request) > 4_096
        ? openAiError(
            400,
            `max_tokens is too large: ${outputTokens(request)}. This model supports at most 4096 completion tokens, whereas you provided ${outputTokens(request)}.`,
            "invalid_request_error",
            "max_tokens",
            null,
          )
        : ok(),
  },
  { name: "8K-context vLLM, default settings", reply: eightKContext },
  { name: "8K-context vLLM, BATON_LLM_CONTEXT_TOKENS=8192", env: { BATON_LLM_CONTEXT_TOKENS: "8192" }, reply: eightKContext },
  {
    name: "8K-context vLLM, context 8192 and 2,048 output tokens",
    env: { BATON_LLM_CONTEXT_TOKENS: "8192", BATON_LLM_MAX_OUTPUT_TOKENS: "2048" },
    reply: eightKContext,
  },
  {
    name: "bad API key (OpenAI)",
    reply: () =>
      openAiError(
        401,
        "Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        null,
        "invalid_api_key",
      ),
  },
  { name: "bad API key (llama.cpp --api-key)", reply: () => llamaCppError(401, "Invalid API Key", "authentication_error") },
  { name: "wrong base URL, /v1 missing (Ollama)", basePath: "", reply: () => ({ status: 404, text: "404 page not found" }) },
  {
    name: "unknown model (OpenAI)",
    reply: (request) =>
      openAiError(
        404,
        `The model \`${request.model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        null,
        "model_not_found",
      ),
  },
  {
    name: "unknown model (Ollama)",
    reply: (request) => stringError(404, `model "${request.model}" not found, try pulling it first`),
  },
  {
    name: "unknown model (vLLM)",
    reply: (request) => vllmError(404, `The model \`${request.model}\` does not exist.`, "NotFoundError"),
  },
  {
    name: "quota exhausted (insufficient_quota)",
    reply: () =>
      openAiError(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota",
        null,
        "insufficient_quota",
      ),
  },
  {
    name: "rate limited on every attempt",
    reply: () => ({
      ...openAiError(429, "Rate limit reached for requests", "requests", null, "rate_limit_exceeded"),
      headers: { "retry-after-ms": "20" },
    }),
  },
  {
    name: "server error 503 on every attempt",
    reply: () => ({ ...vllmError(503, "The server is overloaded", "ServiceUnavailableError"), headers: { "retry-after-ms": "20" } }),
  },
  { name: "server down (connection refused)", down: true, reply: () => ok() },
  {
    name: "hung endpoint (timeout 1 s, 1 retry)",
    env: { BATON_LLM_TIMEOUT_MS: "1000", BATON_LLM_MAX_RETRIES: "1" },
    reply: () => ({ status: 200, hang: true }),
  },
  {
    name: "older vLLM rejects json_schema",
    reply: (request) =>
      request.response_format?.type === "json_schema"
        ? vllmError(400, "[{'type': 'value_error', 'msg': \"response_format json_schema is not supported by this server\"}]")
        : ok(),
  },
  {
    name: "LM Studio with BATON_LLM_JSON_MODE=json_object",
    env: { BATON_LLM_JSON_MODE: "json_object" },
    reply: (request) =>
      request.response_format?.type === "json_object" ? stringError(400, "'response_format.type' must be 'json_schema' or 'text'") : ok(),
  },
  {
    name: "server rejects every response_format, answers prose",
    reply: (request) =>
      request.response_format !== undefined
        ? llamaCppError(400, "Unsupported response_format type", "invalid_request_error")
        : ok(`Sure. Here is the JSON:\n\n\`\`\`json\n${sampleAnswerText()}\n\`\`\`\n`),
  },
  {
    name: "ignores the schema: prose and fenced JSON",
    reply: () =>
      ok(`Here is the handoff extraction you asked for.\n\n\`\`\`json\n${sampleAnswerText()}\n\`\`\`\n\nLet me know if you need changes.`),
  },
  {
    name: "reasoning output: <think> block, then JSON",
    reply: () => ok(`<think>The deal has four sources…</think>\n${sampleAnswerText()}`),
  },
  { name: "cut-off body once", reply: (_request, call) => (call === 1 ? { ...ok(), cut: true } : ok()) },
  {
    name: "HTML page with status 200 once",
    reply: (_request, call) =>
      call === 1
        ? { status: 200, headers: { "content-type": "text/html" }, text: "<html><body><h1>Welcome to nginx!</h1></body></html>" }
        : ok(),
  },
  {
    name: "empty choices once",
    reply: (_request, call) => (call === 1 ? { status: 200, json: { ...completion(null), choices: [] } } : ok()),
  },
  {
    name: "refusal, then healthy (two runs)",
    runs: 2,
    reply: (_request, call) =>
      call === 1 ? { status: 200, json: completion(null, { refusal: "I'm sorry, I can't help with that." }) } : ok(),
  },
];
