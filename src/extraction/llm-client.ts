import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, BadRequestError } from "openai";
import { AppError } from "../errors.ts";
import { capRetryAfter, MAX_RETRY_WAIT_MS, retryWaitMs } from "./cap-retry-after.ts";
import type { ChatMessage } from "./load-prompt.ts";

export type LlmClientOptions = {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  model: string;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Retries of 429, 5xx, timeouts and connection errors, with backoff honouring Retry-After: the only retry layer. */
  maxRetries: number;
  /** "auto" tries strict JSON schema first and falls back to json_object when the server rejects it. */
  jsonMode: "auto" | "json_schema" | "json_object";
  fetch?: typeof fetch;
};

type JsonCompletionRequest = {
  messages: ChatMessage[];
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  maxTokens?: number;
  signal?: AbortSignal;
};

type JsonCompletion = {
  content: string | null;
  refusal: string | null;
  finishReason: string;
  promptTokens: number;
  completionTokens: number;
  mode: "json_schema" | "json_object";
};

export type LlmClient = {
  readonly model: string;
  completeJson(request: JsonCompletionRequest): Promise<JsonCompletion>;
};

/** The only module that talks to the OpenAI-compatible endpoint. Errors leave as AppError LLM_FAILED / TIMEOUT without content. */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const client = new OpenAI({
    // Local servers (vLLM, Ollama, llama.cpp) accept any key; the SDK insists on one.
    apiKey: options.apiKey ?? "not-needed",
    baseURL: options.baseUrl ?? null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: capRetryAfter(options.fetch),
  });
  let mode: "json_schema" | "json_object" = options.jsonMode === "json_object" ? "json_object" : "json_schema";

  const call = async (request: JsonCompletionRequest, callMode: typeof mode): Promise<JsonCompletion> => {
    const messages = callMode === "json_object" ? withSchemaInstruction(request.messages, request.jsonSchema) : request.messages;
    const completion = await client.chat.completions.create(
      {
        model: options.model,
        messages,
        temperature: 0,
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        response_format:
          callMode === "json_schema"
            ? { type: "json_schema", json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true } }
            : { type: "json_object" },
      },
      request.signal ? { signal: request.signal } : {},
    );
    // Proxies sometimes answer 200 with an error object or an HTML page instead of a completion.
    const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
    if (choice === undefined) {
      throw new AppError({ code: "LLM_FAILED", message: "LLM endpoint answered without a completion" });
    }
    return {
      content: choice.message?.content ?? null,
      refusal: choice.message?.refusal ?? null,
      finishReason: choice.finish_reason ?? "unknown",
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
      mode: callMode,
    };
  };

  return {
    model: options.model,
    async completeJson(request) {
      try {
        return await call(request, mode);
      } catch (error) {
        if (options.jsonMode === "auto" && mode === "json_schema" && isSchemaUnsupported(error)) {
          mode = "json_object"; // remembered for the rest of this client's calls
          try {
            return await call(request, mode);
          } catch (retryError) {
            throw toAppError(retryError);
          }
        }
        throw toAppError(error);
      }
    },
  };
}

function withSchemaInstruction(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const instruction = `\n\nReturn only a JSON object that validates against this JSON Schema:\n${JSON.stringify(schema)}`;
  return messages.map((m, i) => (i === 0 && m.role === "system" ? { ...m, content: m.content + instruction } : m));
}

function isSchemaUnsupported(error: unknown): boolean {
  if (!(error instanceof BadRequestError) && !(error instanceof APIError && error.status === 422)) return false;
  return /response_format|json_schema|structured|schema/i.test(error.message);
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof APIUserAbortError) {
    return new AppError({ code: "TIMEOUT", message: "LLM request was aborted (request timeout or shutdown)", cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new AppError({ code: "TIMEOUT", message: "LLM endpoint timed out after retries", cause: error });
  }
  if (error instanceof APIError) {
    const what = error.status === undefined ? "could not be reached" : `answered HTTP ${error.status}`;
    const waitMs = error.headers ? retryWaitMs(error.headers) : undefined;
    const tooLong =
      waitMs !== undefined && waitMs > MAX_RETRY_WAIT_MS
        ? ` (it asked to wait ${Math.ceil(waitMs / 1000)} s, over the ${MAX_RETRY_WAIT_MS / 1000} s limit)`
        : "";
    return new AppError({
      code: "LLM_FAILED",
      message: `LLM endpoint ${what} after retries${tooLong}`,
      cause: error,
      context: { status: error.status ?? null, requestId: error.requestID ?? null },
    });
  }
  return new AppError({ code: "LLM_FAILED", message: "LLM call failed", cause: error });
}
