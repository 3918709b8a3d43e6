import { OPENAI_DEFAULT_BASE_URL } from "./default-base-url.ts";
import { AppError } from "../../errors.ts";
import { MAX_RETRY_WAIT_MS, retryWaitMs } from "../cap-retry-after.ts";
import { isContextTooLong, isResponseFormatRejection, type Rejection } from "./model-adaptations.ts";

/** Why an LLM call failed, in classes a user can act on; logged and kept on the error's context. */
export type EndpointFailureCause =
  | "auth"
  | "wrong_url"
  | "unknown_model"
  | "quota"
  | "rate_limited"
  | "endpoint_paused"
  | "circuit_open"
  | "unsupported_parameter"
  | "context_too_long"
  | "bad_request"
  | "server_error"
  | "unreachable"
  | "timeout"
  | "aborted"
  | "bad_answer"
  | "invalid_answer"
  | "truncated_answer";

/** What the message may name: counts and settings, never the server's message (it may quote content). */
export type FailureSituation = {
  /** HTTP requests made for the failed call, retries included. */
  attempts: number;
  baseUrl: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  contextTokens: number | undefined;
  maxOutputTokens: number | undefined;
};

/**
 * A failed call as the client library reported it, read into plain data by llm-client.ts (the only
 * importer of openai): aborted, timed out, unreadable, unreachable, or an HTTP answer with the
 * server's code, param and type.
 */
export type EndpointError =
  | { kind: "aborted" | "timeout" | "unreadable" | "unreachable" }
  | {
      kind: "http";
      status: number;
      code: string | null;
      param: string | null;
      type: string | null;
      requestId: string | null;
      message: string;
      headers: Headers | null;
    };

/** The one-line AppError for a failed call: the cause, the server's code/param/type, and the setting to change. */
export function describeEndpointFailure(error: unknown, endpointError: EndpointError, situation: FailureSituation): AppError {
  if (error instanceof AppError) return error;
  const after = situation.attempts > 1 ? ` after ${situation.attempts} attempts` : "";
  const fail = (cause: EndpointFailureCause, message: string, extra: Record<string, string | number | null | undefined> = {}) =>
    new AppError({
      code: cause === "timeout" || cause === "aborted" ? "TIMEOUT" : "LLM_FAILED",
      message,
      cause: error,
      context: { cause, attempts: situation.attempts, ...definedOnly(extra) },
    });
  if (endpointError.kind === "aborted") return fail("aborted", "LLM request was aborted (request timeout or shutdown)");
  if (endpointError.kind === "timeout") {
    return fail(
      "timeout",
      `LLM endpoint did not answer within ${Number((situation.timeoutMs / 1000).toFixed(1))} s${after}: raise BATON_LLM_TIMEOUT_MS (now ${situation.timeoutMs}) or check the server`,
    );
  }
  if (endpointError.kind === "unreadable") return fail("bad_answer", "LLM call failed: the endpoint's answer could not be read");
  if (endpointError.kind !== "http") {
    return fail(
      "unreachable",
      `LLM endpoint ${endpointName(situation.baseUrl)} could not be reached${after}: check OPENAI_BASE_URL and that the server is running`,
    );
  }
  const { status, code, param, type, requestId, message, headers } = endpointError;
  const extra: Record<string, string | number | null> = { status, code, param, type, requestId };
  const rejection: Rejection = { status, message, param, code };
  const http = `HTTP ${status}${code ? ` ${code}` : ""}`;
  const failWith = (cause: EndpointFailureCause, message: string) => fail(cause, message, extra);

  if (status === 401) return failWith("auth", `LLM endpoint rejected the API key (${http}): check OPENAI_API_KEY`);
  if (code === "insufficient_quota" || type === "insufficient_quota") {
    return failWith(
      "quota",
      `LLM account has no quota left (${http}, not retried): add credit, or set OPENAI_API_KEY to another account's key`,
    );
  }
  if (isUnknownModel(rejection)) {
    return failWith("unknown_model", `LLM endpoint does not serve the model "${situation.model}" (${http}): check BATON_MODEL`);
  }
  if (status === 403) return failWith("auth", `LLM endpoint refused access (${http}): check that OPENAI_API_KEY may use BATON_MODEL`);
  if (status === 404 || status === 405) {
    return failWith(
      "wrong_url",
      `LLM endpoint has no chat completions at ${endpointName(situation.baseUrl)} (${http}): check OPENAI_BASE_URL (OpenAI-compatible servers usually end in /v1)`,
    );
  }
  if (status === 429) {
    const waitMs = headers ? retryWaitMs(headers) : undefined;
    // The job queue comes back after the wait the endpoint asked for.
    if (waitMs !== undefined) Object.assign(extra, { retryAfterMs: Math.max(0, Math.ceil(waitMs)) });
    if (waitMs !== undefined && waitMs > MAX_RETRY_WAIT_MS) {
      return failWith(
        "rate_limited",
        `LLM endpoint is rate limiting (${http}) and asked to wait ${Math.ceil(waitMs / 1000)} s, over the ${MAX_RETRY_WAIT_MS / 1000} s limit: run again later`,
      );
    }
    return failWith(
      "rate_limited",
      `LLM endpoint is rate limiting (${http})${after}: run again later, or raise BATON_LLM_MAX_RETRIES (now ${situation.maxRetries})`,
    );
  }
  if (status >= 500) {
    if (isContextTooLong(rejection)) return contextTooLong(failWith, http, rejection, situation);
    return failWith(
      "server_error",
      `LLM endpoint failed with ${http} (server error)${after}: check the server, or raise BATON_LLM_MAX_RETRIES (now ${situation.maxRetries})`,
    );
  }
  if (isContextTooLong(rejection)) return contextTooLong(failWith, http, rejection, situation);
  if (param === "temperature" || (param === null && /temperature/i.test(rejection.message))) {
    return failWith(
      "unsupported_parameter",
      `the model rejected temperature (${http}): unset BATON_LLM_TEMPERATURE or set a value it accepts`,
    );
  }
  if (/^max_(?:completion_)?tokens$/.test(param ?? "") || (param === null && /max_(?:completion_)?tokens/.test(rejection.message))) {
    return failWith(
      "unsupported_parameter",
      `the model rejected ${param ?? "max_tokens"}=${situation.maxOutputTokens} (${http}): set BATON_LLM_MAX_OUTPUT_TOKENS to what the model allows`,
    );
  }
  if (isResponseFormatRejection(rejection)) {
    return failWith(
      "unsupported_parameter",
      `LLM endpoint rejected the response format (${http}): set BATON_LLM_JSON_MODE=auto to let Baton find one it accepts`,
    );
  }
  const named = param ? `, parameter ${param}` : "";
  return failWith("bad_request", `LLM endpoint refused the request (${http}${named}): run with --debug to see the server's code and type`);
}

function definedOnly(fields: Record<string, string | number | null | undefined>): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | number | null] => entry[1] !== undefined));
}

function contextTooLong(
  failWith: (cause: EndpointFailureCause, message: string) => AppError,
  http: string,
  rejection: Rejection,
  situation: FailureSituation,
): AppError {
  const limit = rejection.message.match(/(?:maximum context length|context (?:size|window|length))\D{0,20}(\d[\d,]*)/i)?.[1];
  const serverSays = limit ? `; the server's context is ${limit.replace(/,/g, "")} tokens` : "";
  const now = situation.contextTokens === undefined ? "" : ` (now ${situation.contextTokens})`;
  return failWith(
    "context_too_long",
    `the prompt and the output reservation do not fit the model's context (${http}${serverSays}): set BATON_LLM_CONTEXT_TOKENS to the model's context window${now} or lower BATON_LLM_MAX_OUTPUT_TOKENS${situation.maxOutputTokens === undefined ? "" : ` (now ${situation.maxOutputTokens})`}`,
  );
}

function isUnknownModel(rejection: Rejection): boolean {
  if (rejection.code === "model_not_found") return true;
  if (rejection.status !== 404 && rejection.status !== 400) return false;
  return /model\b.*\b(?:not found|does not exist|not loaded|not available|unknown)|no such model|unknown model|try pulling it/i.test(
    rejection.message,
  );
}

/** The endpoint as a user would recognise it: scheme, host and path, never a key. */
export function endpointName(baseUrl: string | undefined): string {
  if (baseUrl === undefined) return OPENAI_DEFAULT_BASE_URL;
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, "")}`;
  } catch {
    return "(unreadable OPENAI_BASE_URL)";
  }
}
