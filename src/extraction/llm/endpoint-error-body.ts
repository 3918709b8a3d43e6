/** An endpoint's error as OpenAI's envelope carries it: `{ error: { message, type, param, code } }`. */
export type EndpointErrorBody = { message: string; type: string | null; param: string | null; code: string | null };

const MAX_MESSAGE = 1_000;

/**
 * Reads the error body of any OpenAI-compatible server into OpenAI's shape:
 * OpenAI `{error:{message,type,param,code}}`, llama.cpp `{error:{code:400,message,type}}`,
 * older vLLM `{object:"error",message,type,code:400}`, Ollama and LM Studio `{error:"..."}`,
 * FastAPI `{detail:"..."}`, and plain text or HTML (a proxy, or a wrong base URL).
 */
export function readEndpointErrorBody(text: string): EndpointErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { message: plainText(text), type: null, param: null, code: null };
  }
  if (!isRecord(json)) return { message: plainText(text), type: null, param: null, code: null };
  const inner = json.error;
  if (typeof inner === "string") return { message: inner.slice(0, MAX_MESSAGE), type: null, param: null, code: null };
  const fields = isRecord(inner) ? inner : json;
  const message = fields.message ?? fields.detail ?? fields.msg;
  return {
    message: typeof message === "string" ? message.slice(0, MAX_MESSAGE) : JSON.stringify(message ?? null).slice(0, MAX_MESSAGE),
    type: asCode(fields.type),
    param: asCode(fields.param),
    // A numeric code (llama.cpp, vLLM) only repeats the HTTP status: OpenAI's codes are words.
    code: typeof fields.code === "string" ? asCode(fields.code) : null,
  };
}

/**
 * Wraps fetch so every error response reaches the openai client in OpenAI's envelope (the client
 * reads `code`, `param` and `type` only from that shape), and an exhausted quota is never retried:
 * waiting does not refill it.
 */
export function normalizeErrorResponses(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.ok) return response;
    const body = readEndpointErrorBody(await response.text().catch(() => ""));
    const headers = new Headers(response.headers);
    headers.set("content-type", "application/json");
    headers.delete("content-length");
    headers.delete("content-encoding");
    if (body.code === "insufficient_quota" || body.type === "insufficient_quota") headers.set("x-should-retry", "false");
    return new Response(JSON.stringify({ error: body }), { status: response.status, statusText: response.statusText, headers });
  };
}

function asCode(value: unknown): string | null {
  if (typeof value === "string" && value !== "") return value.slice(0, 100);
  return null;
}

function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_MESSAGE);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
