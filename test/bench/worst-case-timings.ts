// Wall-clock time of the inputs the tests use to check that a path stays linear, that a limit
// stops work early, or that a wait is the one asked for. The tests assert the behaviour; these
// times are measured here, on a quiet machine, against the bound each test once asserted.
// Run by run-benchmarks.ts in its own process: `node test/bench/worst-case-timings.ts parse|verify|llm`.
import fc from "fast-check";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { createPiiMask } from "../../src/extraction/llm/pii-mask.ts";
import { createLlmClient } from "../../src/extraction/llm-client.ts";
import { splitSentences } from "../../src/extraction/offline/split-sentences.ts";
import { createQuoteIndex } from "../../src/grounding/create-quote-index.ts";
import { verifyQuote } from "../../src/grounding/verify-quote.ts";
import { parseEml } from "../../src/ingest/email/parse-eml.ts";
import { parseMbox } from "../../src/ingest/email/parse-mbox.ts";
import { readPlainBody } from "../../src/ingest/email/read-plain-body.ts";
import { splitThread } from "../../src/ingest/email/split-thread.ts";
import { ParseContext } from "../../src/ingest/parse-context.ts";
import { parsePdf } from "../../src/ingest/pdf/parse-pdf.ts";
import { parseSbv } from "../../src/ingest/srt/parse-sbv.ts";
import { parseSrt } from "../../src/ingest/srt/parse-srt.ts";
import { parseSttJson } from "../../src/ingest/stt-json/parse-stt-json.ts";
import { splitLongText } from "../../src/ingest/stt-json/split-long-text.ts";
import { parseTextTranscript } from "../../src/ingest/text/parse-text-transcript.ts";
import { parseVtt } from "../../src/ingest/vtt/parse-vtt.ts";
import { buildSampleCall } from "../support/build-sample-call.ts";
import { emailInput, testContext } from "../support/email-input.ts";
import { writeDeflateBombPdf } from "../support/write-deflate-bomb-pdf.ts";

type Case = { bench: string; boundMs: number; run: () => unknown };
type Row = { bench: string; ms: number; boundMs: number };

const encode = (text: string) => new TextEncoder().encode(text);
const context = (filename: string) => new ParseContext(filename, DEFAULT_LIMITS);

/** Runs `body`, ignoring the project's own rejections: the time is what is measured. */
async function settle(body: () => unknown): Promise<void> {
  try {
    await body();
  } catch {
    // a one-line AppError is an acceptable outcome for hostile input
  }
}

/** Best of three, for fixed inputs. */
async function best(run: () => unknown): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    await settle(run);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** Slowest single call over random inputs, for the property tests' per-input bounds. */
async function slowest<T>(inputs: T[], run: (input: T) => unknown): Promise<number> {
  let worst = 0;
  for (const input of inputs) {
    const started = performance.now();
    await settle(() => run(input));
    worst = Math.max(worst, performance.now() - started);
  }
  return worst;
}

const VTT_SIZE = 400_000;
const EMAIL_PIECES = [
  "From: Ann <a@x.example>\n",
  "Content-Type: multipart/mixed; boundary=b\n",
  "--b\n",
  "--b--\n",
  "\n",
  "> ",
  "On Mon, Feb 2, 2026 at 7:55 AM Bob <b@x.example> wrote:\n",
  "-----Original Message-----\n",
  "Content-Transfer-Encoding: base64\n",
  "Content-Type: message/rfc822\n",
  "From a@x Mon Feb  2 07:55:00 2026\n",
  "<blockquote>",
  "=?utf-8?B?w6k=?=",
  "text ",
];

const PARSE_CASES: Case[] = [
  {
    bench: "text transcript, hostile long lines",
    boundMs: 2000,
    run: () => {
      const text = [
        `${"Sarah ".repeat(50_000)}:`,
        `Attendees: ${"Ana and ".repeat(50_000)}`,
        `${"[".repeat(100_000)}00:01`,
        `${"- ".repeat(100_000)}`,
        `${"a:".repeat(100_000)}`,
        `${"1:1".repeat(100_000)}`,
        `${"**".repeat(100_000)}x`,
        `# ${" #".repeat(100_000)}x`,
        `Participants:\n- ${"a".repeat(200_000)}`,
        `Date: ${"Jan ".repeat(100_000)}`,
      ].join("\n");
      return parseTextTranscript({ filename: "p.md", bytes: new Uint8Array(), text }, context("p.md"), "markdown");
    },
  },
  ...[
    `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<".repeat(VTT_SIZE)}`,
    `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<v ".repeat(VTT_SIZE / 3)}`,
    `WEBVTT\n\n00:01.000 --> 00:02.000\n${"&#".repeat(VTT_SIZE / 2)}`,
    `WEBVTT\n\n${"0".repeat(VTT_SIZE)}:00 --> 00:01.000\ntext`,
    `WEBVTT\n\n${"-->".repeat(VTT_SIZE / 3)}`,
    `WEBVTT\n\n${"00:01.000 --> 00:02.000\nA: a\n".repeat(VTT_SIZE / 30)}`,
  ].map((text, i) => ({
    bench: `vtt pathological #${i + 1}`,
    boundMs: 3000,
    run: () => parseVtt({ filename: "p.vtt", bytes: new Uint8Array(), text }, context("p.vtt")),
  })),
  ...[
    `1\n00:00:01,000 --> 00:00:02,000\n${"<".repeat(400_000)}`,
    `1\n00:00:01,000 --> 00:00:02,000\n${"\n".repeat(400_000)}1`,
    "1\n00:00:01,000 --> 00:00:02,000\nA: b\n\n".repeat(10_000),
  ].map((text, i) => ({
    bench: `srt pathological #${i + 1}`,
    boundMs: 3000,
    run: () => parseSrt({ filename: "p.srt", bytes: new Uint8Array(), text }, context("p.srt")),
  })),
  {
    bench: "sbv pathological",
    boundMs: 3000,
    run: () => parseSbv({ filename: "p.sbv", bytes: new Uint8Array(), text: "0:00:01.000,0:00:02.000\n".repeat(20_000) }, context("p.sbv")),
  },
  { bench: "split long text, 1 MB without spaces", boundMs: 500, run: () => splitLongText("x".repeat(1_000_000), 1000) },
  { bench: "split sentences, 400 kB without spaces", boundMs: 500, run: () => splitSentences("x".repeat(400_000)) },
  {
    bench: "split thread, deeply nested quote",
    boundMs: 2000,
    run: () =>
      splitThread(
        `Top\n${">".repeat(200_000)} deep\n${"> level one\n".repeat(20_000)}`,
        { author: { name: "Nate Brennan", email: "nate@k.example" }, offsetMinutes: -480 },
        testContext(),
      ),
  },
  {
    bench: "plain-body fast path, hostile headers",
    boundMs: 500,
    run: () => {
      readPlainBody(encode(`Content-Type: text/plain;${" ".repeat(60_000)}x\n\nbody\n`));
      readPlainBody(encode(`Subject: ${"\r".repeat(60_000)}x\n\nbody\n`));
      readPlainBody(encode(`X: y\n${" z\n".repeat(20_000)}\nbody\n`));
    },
  },
  {
    bench: "eml refused over the line budget",
    boundMs: 500,
    run: () => parseEml(emailInput(`From: a@x.example\n\nhello${"\n".repeat(100_001)}`), testContext({ parseTimeoutMs: 1000 })),
  },
];

async function randomParseCases(): Promise<Row[]> {
  const emailLike = fc
    .array(fc.oneof(fc.constantFrom(...EMAIL_PIECES), fc.string({ maxLength: 20 })), { maxLength: 60 })
    .map((parts) => parts.join(""));
  const emails = fc.sample(emailLike, { numRuns: 300, seed: 42 });
  const json = fc.sample(fc.json({ maxDepth: 4 }), { numRuns: 300, seed: 42 });
  const bomb = await writeDeflateBombPdf(20);
  const deadlineMs = 1500;
  return [
    {
      bench: "eml, slowest of 300 random",
      ms: await slowest(emails, (text) => parseEml(emailInput(text), testContext())),
      boundMs: 1000,
    },
    {
      bench: "mbox, slowest of 300 random",
      ms: await slowest(emails, (text) => parseMbox(emailInput(text, "m.mbox"), testContext())),
      boundMs: 1000,
    },
    {
      bench: "stt json, slowest of 300 random",
      ms: await slowest(json, (text) => parseSttJson({ filename: "p.json", bytes: new Uint8Array(), text }, context("p.json"))),
      boundMs: 1000,
    },
    {
      bench: `pdf worker killed at a ${deadlineMs} ms deadline`,
      ms: await best(() =>
        parsePdf(
          { filename: "bomb.pdf", bytes: bomb, text: "" },
          new ParseContext("bomb.pdf", { ...DEFAULT_LIMITS, parseTimeoutMs: deadlineMs }),
        ),
      ),
      boundMs: 5000,
    },
  ];
}

async function verifyRows(): Promise<Row[]> {
  const index = createQuoteIndex(buildSampleCall());
  const quotes = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 3000 }),
    ),
    { numRuns: 500, seed: 42 },
  );
  return [
    { bench: "megabyte quote answered at once", ms: await best(() => verifyQuote(index, "we will refund ".repeat(70_000))), boundMs: 200 },
    { bench: "any string, slowest of 500 random", ms: await slowest(quotes, (quote) => verifyQuote(index, quote)), boundMs: 1000 },
  ];
}

/** A fetch that answers with fresh replies in order, for the retry timings. */
function replies(...steps: (() => Response)[]): typeof fetch {
  let call = 0;
  return async () => steps[Math.min(call++, steps.length - 1)]!();
}

function errorResponse(status: number, headers: Record<string, string>): Response {
  const body = { error: { message: "slow down", type: "test_error", param: null, code: null } };
  return Response.json(body, { status, headers });
}

function okResponse(): Response {
  const message = { role: "assistant", content: '{"ok":true}', refusal: null };
  return Response.json({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 1_767_225_600,
    model: "m",
    choices: [{ index: 0, message, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
  });
}

async function llmRows(): Promise<Row[]> {
  const mask = createPiiMask();
  const client = (fetch: typeof globalThis.fetch, timeoutMs = 5000) =>
    createLlmClient({ apiKey: "k", baseUrl: "http://llm.test/v1", model: "m", timeoutMs, maxRetries: 2, jsonMode: "json_schema", fetch });
  const request = {
    messages: [{ role: "user" as const, content: "hi" }],
    schemaName: "handoff_extraction",
    jsonSchema: { type: "object" },
  };
  const hang: typeof fetch = (_input, init) =>
    new Promise((_, reject) =>
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true }),
    );
  return [
    {
      bench: "pii mask, long runs of address characters",
      ms: await best(() => mask.mask(`${"a".repeat(200_000)} ${"7".repeat(200_000)} ${"x.y@a.b ".repeat(20_000)}`)),
      boundMs: 500,
    },
    {
      bench: "retry after a 429 with Retry-After: 1",
      ms: await best(() => client(replies(() => errorResponse(429, { "retry-after": "1" }), okResponse)).completeJson(request)),
      boundMs: 2000,
    },
    {
      bench: "failure on a 429 with Retry-After: 3600",
      ms: await best(() => client(replies(() => errorResponse(429, { "retry-after": "3600" }))).completeJson(request)),
      boundMs: 2000,
    },
    {
      bench: "TIMEOUT of a hanging endpoint (100 ms, 2 retries)",
      ms: await best(() => client(hang, 100).completeJson(request)),
      boundMs: 3000,
    },
  ];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const group = process.argv[2] ?? "";
let rows: Row[] = [];
if (group === "parse") {
  for (const { bench, boundMs, run } of PARSE_CASES) rows.push({ bench, ms: await best(run), boundMs });
  rows.push(...(await randomParseCases()));
} else if (group === "verify") rows = await verifyRows();
else if (group === "llm") rows = await llmRows();
else throw new Error(`usage: worst-case-timings.ts parse|verify|llm (got "${group}")`);
const results = rows.map((row) => ({ ...row, ms: round(row.ms) }));
console.log(JSON.stringify({ results, peakRssMb: round(process.resourceUsage().maxRSS / 1024) }));
