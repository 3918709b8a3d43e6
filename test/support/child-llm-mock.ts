// Preloaded into a child `baton serve` (`node --import ./test/support/child-llm-mock.ts`), which cannot see the test
// process's msw: msw in the child answers the LLM endpoint, quoting the first segment of the prompt, after a delay,
// and appends "start <hash>" and "end <hash>" lines (hash of the request body) to a file the test reads.
import { appendFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { SECTION_KEYS } from "../../src/domain/sections.ts";

// msw-openai.ts imports vitest, which a plain child process cannot load: its base URL is repeated here.
const LLM_BASE_URL = "http://llm.test/v1";

const callsFile = process.env.BATON_TEST_LLM_CALLS;
const delayMs = Number(process.env.BATON_TEST_LLM_DELAY_MS ?? "100");
if (callsFile === undefined) throw new Error("child-llm-mock: set BATON_TEST_LLM_CALLS");

const FIRST_SEGMENT = /^\[(S\d+)\] \([^)]*\) (.+)$/m;

const server = setupServer(
  http.post(`${LLM_BASE_URL}/chat/completions`, async ({ request }) => {
    const text = await request.text();
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
    appendFileSync(callsFile, `start ${hash}\n`);
    await delay(delayMs);
    const body = JSON.parse(text) as { messages: { content: string }[] };
    const match = body.messages.at(-1)?.content.match(FIRST_SEGMENT);
    const answer = Object.fromEntries(SECTION_KEYS.map((section) => [section, [] as unknown[]]));
    if (match) {
      // Hand-written answer shape: one item quoting the first segment verbatim.
      answer.whyTheyBought = [{ statement: `Said in ${match[1]}.`, evidence: [{ segment: match[1], quote: match[2] }], kind: "trigger" }];
    }
    appendFileSync(callsFile, `end ${hash}\n`);
    const content = JSON.stringify(answer);
    return HttpResponse.json({
      id: `chatcmpl-${hash}`,
      object: "chat.completion",
      created: 1_767_225_600,
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 1000, completion_tokens: Math.ceil(content.length / 4), total_tokens: 1000 + Math.ceil(content.length / 4) },
    });
  }),
);
server.listen({ onUnhandledRequest: "error" });
