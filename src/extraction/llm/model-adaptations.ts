import { OPENAI_DEFAULT_BASE_URL } from "./default-base-url.ts";
/** What an endpoint taught us about one model by rejecting a parameter; kept for the life of the process. */
export type ModelAdaptations = {
  /** Reasoning models (o-series, gpt-5) take `max_completion_tokens` instead. */
  rejectsMaxTokens: boolean;
  rejectsTemperature: boolean;
  /** The most output tokens the model said it allows, when it said so. */
  outputTokenLimit: number | undefined;
  rejectsJsonSchema: boolean;
  rejectsJsonObject: boolean;
};

export type JsonMode = "json_schema" | "json_object" | "prompt";

/** A rejection as the endpoint described it, in OpenAI's terms. */
export type Rejection = { status: number; message: string; param: string | null; code: string | null };

/** The parameters of the call that was rejected. */
export type SentParameters = {
  tokenParameter: "max_tokens" | "max_completion_tokens";
  maxTokens: number | undefined;
  temperature: boolean;
  jsonMode: JsonMode;
};

const REMEMBERED = new Map<string, ModelAdaptations>();

/** The adaptations learnt for this endpoint and model so far in this process (shared by every client). */
export function adaptationsFor(baseUrl: string | undefined, model: string): ModelAdaptations {
  const key = `${baseUrl ?? OPENAI_DEFAULT_BASE_URL}\u0000${model}`;
  let adaptations = REMEMBERED.get(key);
  if (adaptations === undefined) {
    adaptations = {
      rejectsMaxTokens: false,
      rejectsTemperature: false,
      outputTokenLimit: undefined,
      rejectsJsonSchema: false,
      rejectsJsonObject: false,
    };
    REMEMBERED.set(key, adaptations);
  }
  return adaptations;
}

const CONTEXT_TOO_LONG =
  /context[_ ]length|context window|context size|maximum context|n_ctx|prompt is too long|too many (?:input )?tokens|exceeds? the (?:available |model's )?context/i;
const UNSUPPORTED =
  /unsupported|not supported|does not support|isn't supported|is not allowed|not allowed|unrecognized|unknown (?:parameter|field)|extra (?:inputs|fields)|use 'max_completion_tokens'/i;
const OUTPUT_LIMIT = /(?:at most|maximum(?: value)?(?: is| of)?|less than or equal to|<=|up to|cannot exceed|supports)\s*`?(\d[\d,]*)/i;
const RESPONSE_FORMAT = /response_format|json_schema|json_object|structured output|guided_json|grammar|schema/i;

/** Whether a rejection says the prompt and output do not fit the model's context. */
export function isContextTooLong(rejection: Rejection): boolean {
  return rejection.code === "context_length_exceeded" || CONTEXT_TOO_LONG.test(rejection.message);
}

/** Whether a rejection is about response_format (so json_object or a prompt-only request may work). */
export function isResponseFormatRejection(rejection: Rejection): boolean {
  if (rejection.param !== null) return rejection.param.startsWith("response_format");
  return RESPONSE_FORMAT.test(rejection.message) && !isContextTooLong(rejection);
}

/**
 * Learns from a 400/422 what the model does not accept, changing `adaptations` in place; true when the
 * call is worth making again with the adapted parameters. `allowJsonFallback` is false when the user
 * chose the JSON mode.
 */
export function learnFromRejection(
  rejection: Rejection,
  sent: SentParameters,
  adaptations: ModelAdaptations,
  allowJsonFallback: boolean,
): boolean {
  if (rejection.status !== 400 && rejection.status !== 422) return false;
  if (isContextTooLong(rejection)) return false;
  const names = (name: string) => rejection.param === name || (rejection.param === null && rejection.message.includes(name));
  if (sent.temperature && names("temperature")) {
    adaptations.rejectsTemperature = true;
    return true;
  }
  const aboutTokens =
    names(sent.tokenParameter) || (rejection.param === null && /completion tokens|output tokens/i.test(rejection.message));
  if (aboutTokens) {
    const limit = Number((rejection.message.match(OUTPUT_LIMIT)?.[1] ?? "").replace(/,/g, ""));
    if (Number.isInteger(limit) && limit > 0 && sent.maxTokens !== undefined && limit < sent.maxTokens) {
      adaptations.outputTokenLimit = limit;
      return true;
    }
    if (sent.tokenParameter === "max_tokens" && (rejection.code === "unsupported_parameter" || UNSUPPORTED.test(rejection.message))) {
      adaptations.rejectsMaxTokens = true;
      return true;
    }
    return false;
  }
  if (allowJsonFallback && isResponseFormatRejection(rejection)) {
    if (sent.jsonMode === "json_schema") adaptations.rejectsJsonSchema = true;
    else if (sent.jsonMode === "json_object") adaptations.rejectsJsonObject = true;
    else return false;
    return true;
  }
  return false;
}

/** The JSON mode to use: the configured one, or in `auto` the strictest the model has not rejected. */
export function jsonModeFor(configured: "auto" | "json_schema" | "json_object", adaptations: ModelAdaptations): JsonMode {
  if (configured !== "auto") return configured;
  if (!adaptations.rejectsJsonSchema) return "json_schema";
  return adaptations.rejectsJsonObject ? "prompt" : "json_object";
}
