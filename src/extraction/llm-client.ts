import { AsyncLocalStorage } from "node:async_hooks";
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { AppError } from "../errors.ts";
import { capRetryAfter } from "./cap-retry-after.ts";
import type { ChatMessage } from "./load-prompt.ts";
import { describeEndpointFailure, type EndpointError, type FailureSituation } from "./llm/describe-endpoint-failure.ts";
import { normalizeErrorResponses } from "./llm/endpoint-error-body.ts";
import { adaptationsFor, type JsonMode, jsonModeFor, learnFromRejection, type SentParameters } from "./llm/model-adaptations.ts";
import { estimateTokens } from "./llm/render-sources.ts";
import type { LlmScheduler, Permit } from "./scheduling/llm-scheduler.ts";

export type LlmClientOptions = {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Retries of 429, 5xx, timeouts and connection errors, with backoff honouring Retry-After: the only retry layer. */
  maxRetries: number;
  /** "auto" tries strict JSON schema first and falls back to json_object, then to the schema in the prompt only. */
  jsonMode: "auto" | "json_schema" | "json_object";
  /** Sent only when set. */
  temperature?: number | undefined;
  /** The model's context window as configured; named in the message when the prompt does not fit. */
  contextTokens?: number;
  /** The process's one gate for LLM requests (budgets, rate-limit pauses, circuit breaker); none: no gate. */
  scheduler?: LlmScheduler | undefined;
  /**
   * A 429 is not retried here but thrown at once with the wait it asked for (`retryAfterMs`), so the job queue
   * reschedules the job instead of a worker sleeping on it. The CLI leaves it off: it waits, as before.
   */
  handBackRateLimits?: boolean;
  fetch?: typeof fetch;
};

/** One call's HTTP requests (the client's retries included), followed across the client's awaits. */
type CallState = { attempts: number; tokens: number; signal: AbortSignal | undefined };

type JsonCompletionRequest = {
  messages: ChatMessage[];
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  /** Output tokens asked for (not sent when absent); lowered to the model's own limit when it names one. */
  maxTokens?: number;
  signal?: AbortSignal;
};

type JsonCompletion = {
  content: string | null;
  refusal: string | null;
  finishReason: string;
  promptTokens: number;
  completionTokens: number;
  mode: JsonMode;
};

export type LlmClient = {
  readonly model: string;
  completeJson(request: JsonCompletionRequest): Promise<JsonCompletion>;
};

// Each rejected parameter is learnt once; more rounds than there are parameters means the server is not learning.
const MAX_ADAPTATIONS = 5;

/** A 200 that carries no usable completion: an HTML page, an error object, empty choices or a cut-off body. */
class UnusableAnswer extends Error {}

/**
 * The only module that talks to the OpenAI-compatible endpoint. Parameters a model rejects are adapted and
 * remembered per model for the process; an unusable 200 is asked again once. Errors leave as one-line
 * AppError LLM_FAILED / TIMEOUT naming the cause and the setting to change, never the server's text.
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const calls = new AsyncLocalStorage<CallState>();
  const { scheduler } = options;
  const endpoint = normalizeErrorResponses(capRetryAfter(options.fetch));
  const counted: typeof fetch = async (input, init) => {
    const state = calls.getStore();
    if (state !== undefined) {
      state.attempts += 1;
      // The first request of a call took its permit in completeJson; the client's own retries are counted here.
      if (state.attempts > 1) scheduler?.recordExtraRequest(state.tokens);
    }
    let response: Response;
    try {
      response = await endpoint(input, init);
    } catch (error) {
      if (!state?.signal?.aborted) scheduler?.observeFailure();
      throw error;
    }
    scheduler?.observeResponse(response.status, response.headers);
    if (response.status !== 429 || !options.handBackRateLimits) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  const client = new OpenAI({
    // Local servers (vLLM, Ollama, llama.cpp) accept any key; the SDK insists on one.
    apiKey: options.apiKey ?? "not-needed",
    baseURL: options.baseUrl ?? null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: counted,
  });
  const adaptations = adaptationsFor(options.baseUrl, options.model);

  const call = async (request: JsonCompletionRequest, sent: SentParameters): Promise<JsonCompletion> => {
    const messages = sent.jsonMode === "json_schema" ? request.messages : withSchemaInstruction(request.messages, request.jsonSchema);
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await client.chat.completions.create(
        {
          model: options.model,
          messages,
          ...tokenLimit(sent),
          ...(sent.temperature ? { temperature: options.temperature } : {}),
          ...responseFormat(sent.jsonMode, request),
        },
        request.signal ? { signal: request.signal } : {},
      );
    } catch (error) {
      // A 200 whose body is cut off or not JSON fails while being read, outside the client's retries.
      if (!(error instanceof APIError) && !request.signal?.aborted && isBodyReadError(error)) throw new UnusableAnswer("unreadable body");
      throw error;
    }
    // Proxies sometimes answer 200 with an error object or an HTML page instead of a completion.
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    if (choice === undefined) throw new UnusableAnswer("no completion");
    return {
      content: choice.message?.content ?? null,
      refusal: choice.message?.refusal ?? null,
      finishReason: choice.finish_reason ?? "unknown",
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      mode: sent.jsonMode,
    };
  };

  const situation = (request: JsonCompletionRequest, state: CallState): FailureSituation => ({
    attempts: state.attempts,
    baseUrl: options.baseUrl,
    model: options.model,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    contextTokens: options.contextTokens,
    maxOutputTokens: request.maxTokens,
  });

  return {
    model: options.model,
    async completeJson(request) {
      let unusable = 0;
      for (let round = 0; ; round++) {
        const sent: SentParameters = {
          tokenParameter: adaptations.rejectsMaxTokens ? "max_completion_tokens" : "max_tokens",
          maxTokens:
            request.maxTokens === undefined ? undefined : Math.min(request.maxTokens, adaptations.outputTokenLimit ?? request.maxTokens),
          temperature: options.temperature !== undefined && !adaptations.rejectsTemperature,
          jsonMode: jsonModeFor(options.jsonMode, adaptations),
        };
        const state: CallState = { attempts: 0, tokens: estimateRequestTokens(request, sent), signal: request.signal };
        let permit: Permit | undefined;
        let used: number | undefined;
        try {
          permit = await scheduler?.acquire({ tokens: state.tokens, signal: request.signal });
          const completion = await calls.run(state, () => call(request, sent));
          used = completion.promptTokens + completion.completionTokens || undefined;
          return completion;
        } catch (error) {
          if (request.signal?.aborted)
            throw describeEndpointFailure(new APIUserAbortError(), { kind: "aborted" }, situation(request, state));
          if (error instanceof UnusableAnswer) {
            unusable += 1;
            if (unusable < 2) continue;
            throw new AppError({
              code: "LLM_FAILED",
              message:
                "LLM endpoint answered twice without a usable completion (an empty, cut-off or non-JSON body): check that OPENAI_BASE_URL is the API itself, not a proxy or web page",
              context: { cause: "bad_answer", attempts: 2 },
            });
          }
          const rejection = toRejection(error);
          if (round < MAX_ADAPTATIONS && rejection && learnFromRejection(rejection, sent, adaptations, options.jsonMode === "auto"))
            continue;
          throw describeEndpointFailure(error, readEndpointError(error), situation(request, state));
        } finally {
          permit?.settle(used);
        }
      }
    },
  };
}

/** What a request counts against a tokens-per-minute budget: its prompt (estimated) and its output reservation. */
function estimateRequestTokens(request: JsonCompletionRequest, sent: SentParameters): number {
  const text = request.messages.map((m) => m.content).join("\n");
  // The schema goes with every request: as response_format, or in the system prompt.
  return estimateTokens(text) + estimateTokens(JSON.stringify(request.jsonSchema)) + (sent.maxTokens ?? 0);
}

function tokenLimit(sent: SentParameters) {
  if (sent.maxTokens === undefined) return {};
  return sent.tokenParameter === "max_tokens" ? { max_tokens: sent.maxTokens } : { max_completion_tokens: sent.maxTokens };
}

function responseFormat(mode: JsonMode, request: JsonCompletionRequest) {
  if (mode === "json_schema") {
    return {
      response_format: {
        type: "json_schema" as const,
        json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true },
      },
    };
  }
  return mode === "json_object" ? { response_format: { type: "json_object" as const } } : {};
}

function withSchemaInstruction(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const instruction = `\n\nReturn only a JSON object that validates against this JSON Schema:\n${JSON.stringify(schema)}`;
  return messages.map((m, i) => (i === 0 && m.role === "system" ? { ...m, content: m.content + instruction } : m));
}

function toRejection(error: unknown) {
  const read = readEndpointError(error);
  return read.kind === "http" ? { status: read.status, message: read.message, param: read.param, code: read.code } : undefined;
}

/** The client library's error as plain data: the one place that knows openai's error classes. */
function readEndpointError(error: unknown): EndpointError {
  if (error instanceof APIUserAbortError) return { kind: "aborted" };
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout" };
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { kind: "timeout" };
  if (!(error instanceof APIError)) return { kind: "unreadable" };
  if (error.status === undefined) return { kind: "unreachable" };
  const inner = error.error as { message?: unknown } | undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    kind: "http",
    status: error.status,
    code: text(error.code),
    param: text(error.param),
    type: text(error.type),
    requestId: error.requestID ?? null,
    message: typeof inner?.message === "string" ? inner.message : error.message,
    headers: error.headers ?? null,
  };
}

// SyntaxError: a 200 body that is not JSON; TypeError "terminated": the connection closed mid-body.
function isBodyReadError(error: unknown): boolean {
  return error instanceof SyntaxError || (error instanceof TypeError && /terminated|body|network/i.test(error.message));
}
