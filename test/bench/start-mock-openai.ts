// A local OpenAI-compatible endpoint for the LLM benchmark: loopback only, a port the OS picks,
// answers /v1/chat/completions with a valid extraction that quotes the segments it was shown,
// and usage counted from the request with the bench tokenizer, as a real server would bill it.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SECTION_KEYS, type SectionKey } from "../../src/domain/sections.ts";
import { countPromptTokens as countChatTokens, countTokens } from "../../src/extraction/llm/count-tokens.ts";

const MAX_BODY_BYTES = 32 * 1024 * 1024;

type ChatBody = {
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: unknown };
};

export type MockOpenAi = {
  baseUrl: string;
  requests: () => number;
  /** Requests refused with 429 by the rate limit. */
  rejected: () => number;
  /** sha256 of each answered request's body, in order: the same body twice is a call paid for twice. */
  answeredBodyHashes: () => string[];
  close: () => Promise<void>;
};

export type MockOpenAiOptions = {
  /** Delay before each answer. */
  latencyMs?: number;
  /**
   * A rate limit enforced as a real endpoint does it, per second: a bucket of one second's worth of requests,
   * refilled continuously; a request beyond it gets 429 with Retry-After (and retry-after-ms).
   */
  requestsPerMinute?: number;
};

/** Starts the mock on 127.0.0.1 and resolves once it listens. */
export async function startMockOpenAi(options: MockOpenAiOptions = {}): Promise<MockOpenAi> {
  let requests = 0;
  let rejected = 0;
  const hashes: string[] = [];
  const limit = options.requestsPerMinute === undefined ? undefined : createRequestBucket(options.requestsPerMinute);
  const server = createServer(async (request, response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") return send(404, { error: { message: "not found" } });
    requests += 1;
    const admission = limit?.admit();
    if (admission !== undefined && !admission.admitted) {
      rejected += 1;
      request.resume();
      return send(
        429,
        { error: { message: "Rate limit reached for requests", type: "requests", param: null, code: "rate_limit_exceeded" } },
        { "retry-after": String(Math.ceil(admission.waitMs / 1000)), "retry-after-ms": String(admission.waitMs), ...admission.headers },
      );
    }
    let text: string;
    let body: ChatBody;
    try {
      text = await readBody(request);
      body = JSON.parse(text) as ChatBody;
    } catch {
      return send(400, { error: { message: "body is not JSON or too large" } });
    }
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    hashes.push(createHash("sha256").update(text).digest("hex"));
    const content = JSON.stringify(answerFor(body.messages.at(-1)?.content ?? ""));
    const promptTokens = countPromptTokens(body);
    const completionTokens = countTokens(content);
    send(
      200,
      {
        id: `chatcmpl-bench-${requests}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: "mock-model",
        choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      },
      admission?.headers,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: () => requests,
    rejected: () => rejected,
    answeredBodyHashes: () => [...hashes],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A per-second bucket of `perMinute / 60` requests, refilled continuously, that says what OpenAI's headers say. */
function createRequestBucket(perMinute: number) {
  const capacity = perMinute / 60;
  let level = capacity;
  let updatedAt = Date.now();
  return {
    admit(): { admitted: boolean; waitMs: number; headers: Record<string, string> } {
      const now = Date.now();
      level = Math.min(capacity, level + ((now - updatedAt) * perMinute) / 60_000);
      updatedAt = now;
      const admitted = level >= 1;
      if (admitted) level -= 1;
      const waitMs = admitted ? 0 : Math.ceil(((1 - level) * 60_000) / perMinute);
      const headers = {
        "x-ratelimit-limit-requests": String(perMinute),
        "x-ratelimit-remaining-requests": String(Math.floor(level)),
        "x-ratelimit-reset-requests": `${Math.ceil(((capacity - level) * 60_000) / perMinute)}ms`,
      };
      return { admitted, waitMs, headers };
    },
  };
}

/** Prompt tokens as the server counts them: every message, plus the schema sent as response_format. */
export function countPromptTokens(body: ChatBody): number {
  return countChatTokens(body.messages, body.response_format?.json_schema);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// Fields besides statement and evidence that each section's items must carry.
const EXTRA: Record<SectionKey, (text: string) => Record<string, unknown>> = {
  accountOverview: (text) => ({ field: "other", value: text }),
  stakeholders: (text) => ({
    name: text.slice(0, 40),
    title: null,
    role: "other",
    stance: "unknown",
    caresAbout: null,
    contactPreferences: null,
  }),
  whyTheyBought: () => ({ kind: "pain" }),
  successCriteria: () => ({ horizon: "unspecified", metric: null }),
  promises: (text) => ({ what: text, promisedBy: null, promisedTo: null, due: null, explicit: true, looksUnrealistic: false }),
  objections: (text) => ({ concern: text, raisedBy: null, answer: null, resolved: "unknown" }),
  politicalDynamics: () => ({ involves: [] }),
  competition: () => ({ competitor: null, kind: "alternativeEvaluated" }),
  technicalEnvironment: () => ({ system: null, kind: "other" }),
  redFlags: (text) => ({ risk: text, severity: "low", kind: "other" }),
  nextSteps: (text) => ({ action: text, owner: null, due: null }),
};

const SEGMENT_LINE = /^\[(S\d+)\] \([^)]*\) (.+)$/gm;
const ITEM_EVERY = 4; // one item per four segments with enough words: a dense but plausible answer

/** An extraction quoting the first words of every few segments of the prompt, spread over the sections. */
function answerFor(user: string): Record<SectionKey, Record<string, unknown>[]> {
  const answer = Object.fromEntries(SECTION_KEYS.map((key) => [key, [] as Record<string, unknown>[]])) as Record<
    SectionKey,
    Record<string, unknown>[]
  >;
  let eligible = 0;
  for (const [, id, text] of user.matchAll(SEGMENT_LINE)) {
    const words = text!.split(" ");
    if (words.length < 8 || eligible++ % ITEM_EVERY !== 0) continue;
    const section = SECTION_KEYS[((eligible - 1) / ITEM_EVERY) % SECTION_KEYS.length]!;
    if (answer[section].length >= 40) continue;
    const quote = words.slice(0, 12).join(" ");
    const summary = words.slice(0, 8).join(" ").slice(0, 100);
    answer[section].push({ statement: `Said in ${id}: ${summary}`, evidence: [{ segment: id, quote }], ...EXTRA[section](summary) });
  }
  return answer;
}
