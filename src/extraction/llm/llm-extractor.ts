import { createHash } from "node:crypto";
import { z } from "zod";
import type { ParsedSource } from "../../domain/source.ts";
import type { Usage } from "../../domain/usage.ts";
import { SECTION_KEYS, type SectionKey } from "../../domain/sections.ts";
import { AppError } from "../../errors.ts";
import type { LlmCache } from "../llm-cache.ts";
import type { CandidateItem, Extractor } from "../extractor.ts";
import { HandoffExtractionSchema } from "../handoff-schema.ts";
import type { LlmClient } from "../llm-client.ts";
import type { ChatMessage, PromptTemplate } from "../load-prompt.ts";
import { answerToCandidates } from "./answer-to-candidates.ts";
import { askForExtraction, EXTRACTION_SCHEMA_NAME, type ExtractionOutcome } from "./ask-for-extraction.ts";
import { countPromptTokens } from "./count-tokens.ts";
import { createPiiMask, NO_MASK } from "./pii-mask.ts";
import { planChunks } from "./plan-chunks.ts";
import { estimateTokens, renderSources } from "./render-sources.ts";
import { createSegmentRefs, type SegmentRef } from "./segment-refs.ts";
import { toStrictJsonSchema } from "./strict-json-schema.ts";

type LlmExtractorDeps = {
  client: LlmClient;
  cache: LlmCache;
  prompt: PromptTemplate;
  /** The model's context window: fixed prompt, source text and output reservation together; larger deals are chunked. */
  contextTokens: number;
  /** Output tokens reserved and asked for on each call. */
  maxOutputTokens: number;
  maskPii: boolean;
};

/** Extraction through an OpenAI-compatible model: one call per deal when it fits, chunks of whole turns otherwise. */
export function createLlmExtractor(deps: LlmExtractorDeps): Extractor {
  const info = { kind: "llm" as const, model: deps.client.model, promptVersion: deps.prompt.version };
  const { jsonSchema, hash: schemaHash } = toStrictJsonSchema(HandoffExtractionSchema);
  return {
    info,
    async extract(sources, options = {}) {
      const refs = createSegmentRefs(sources);
      const refsById = new Map(refs.map((ref) => [ref.promptId, ref]));
      const mask = deps.maskPii ? createPiiMask() : NO_MASK;
      const usage: Usage = { llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 };
      const refused = new Set<SectionKey>();
      const items: CandidateItem[] = [];

      const runChunk = async (chunk: SegmentRef[], chunkNote: string, part: string): Promise<void> => {
        const messages = await formatChunk(deps, chunk, sources, mask.mask, chunkNote);
        const key = createHash("sha256")
          .update(JSON.stringify([deps.client.model, deps.prompt.version, schemaHash, messages]))
          .digest("hex");
        const cached = options.refresh ? undefined : readCachedOutcome(deps.cache.get(key)?.response, deps.maxOutputTokens);
        if (cached !== undefined) {
          usage.cachedCalls += 1;
          options.onProgress?.({ kind: "cache-hit", part });
        }
        const outcome =
          cached ??
          (await askForExtraction(
            deps.client,
            { messages, jsonSchema, maxOutputTokens: deps.maxOutputTokens, signal: options.signal, part, onProgress: options.onProgress },
            usage,
          ));
        const fatal = outcome.kind === "truncated" && chunk.length < 2;
        // A refusal is not cached: it may be a passing filter or endpoint problem, and a re-run must ask again.
        // A truncation is, with the output reservation it happened at: a larger one makes it a miss.
        if (cached === undefined && !fatal && outcome.kind !== "refused") {
          deps.cache.put(key, {
            response: JSON.stringify(
              outcome.kind === "answer"
                ? { kind: "answer", answer: outcome.answer }
                : { kind: "truncated", maxOutputTokens: deps.maxOutputTokens },
            ),
            promptTokens: outcome.kind === "answer" ? outcome.promptTokens : 0,
            completionTokens: outcome.kind === "answer" ? outcome.completionTokens : 0,
            model: deps.client.model,
            promptVersion: deps.prompt.version,
          });
        }
        if (outcome.kind === "refused") {
          for (const section of SECTION_KEYS) refused.add(section);
          return;
        }
        if (outcome.kind === "truncated") {
          if (fatal) {
            throw new AppError({
              code: "LLM_FAILED",
              message: `LLM answer was truncated even for a single segment: raise BATON_LLM_MAX_OUTPUT_TOKENS (now ${deps.maxOutputTokens})`,
              context: { cause: "truncated_answer" },
            });
          }
          const half = Math.ceil(chunk.length / 2);
          await runChunk(chunk.slice(0, half), `${chunkNote}, first half`, `${part || "the deal"}, first half`);
          await runChunk(chunk.slice(half), `${chunkNote}, second half`, `${part || "the deal"}, second half`);
          return;
        }
        items.push(...answerToCandidates(outcome.answer, refsById, mask));
      };

      const sourceBudget = await planSourceBudget(deps, jsonSchema, refs);
      const chunks = planChunks(refs, sourceBudget, estimateSegmentTokens);
      try {
        for (const [i, chunk] of chunks.entries()) {
          const many = chunks.length > 1;
          await runChunk(chunk, chunkNoteOf(i, chunks.length), many ? `part ${i + 1} of ${chunks.length}` : "");
        }
      } catch (error) {
        // What the failed extraction cost, for the failure log; counts only.
        if (error instanceof AppError) Object.assign(error.context, usage);
        throw error;
      }
      // Only sections refused everywhere count as refused; a section answered in another chunk is not.
      const answered = new Set(items.map((item) => item.section));
      return { items, usage, info, refusedSections: [...refused].filter((s) => !answered.has(s)) };
    },
    async estimate(sources) {
      const refs = createSegmentRefs(sources);
      if (refs.length === 0) return { calls: 0, promptTokens: 0, outputTokens: 0 };
      const mask = deps.maskPii ? createPiiMask() : NO_MASK;
      const chunks = planChunks(refs, await planSourceBudget(deps, jsonSchema, refs), estimateSegmentTokens);
      const responseFormat = { name: EXTRACTION_SCHEMA_NAME, schema: jsonSchema, strict: true };
      let promptTokens = 0;
      for (const [i, chunk] of chunks.entries()) {
        const messages = await formatChunk(deps, chunk, sources, mask.mask, chunkNoteOf(i, chunks.length));
        promptTokens += countPromptTokens(messages, responseFormat);
      }
      return { calls: chunks.length, promptTokens, outputTokens: chunks.length * deps.maxOutputTokens };
    },
  };
}

/** The messages of one call: the prompt around a chunk's rendered segments. */
function formatChunk(
  deps: LlmExtractorDeps,
  chunk: SegmentRef[],
  sources: ParsedSource[],
  mask: (text: string) => string,
  chunkNote: string,
): Promise<ChatMessage[]> {
  return deps.prompt.format({
    sources: renderSources(chunk, sources, mask),
    sourceCount: String(new Set(chunk.map((r) => r.sourceIndex)).size),
    segmentCount: String(chunk.length),
    chunkNote,
  });
}

const chunkNoteOf = (index: number, count: number) => (count > 1 ? `; part ${index + 1} of ${count} of a longer deal` : "");

const estimateSegmentTokens = (ref: SegmentRef) => estimateTokens(ref.segment.text) + 12;

/**
 * Tokens of source text one call may carry: the context window less the fixed prompt (instructions and
 * schema) and the output reservation. A configuration in which not even the longest turn fits is refused
 * before any call, with the numbers and the settings to change.
 */
async function planSourceBudget(deps: LlmExtractorDeps, jsonSchema: Record<string, unknown>, refs: SegmentRef[]): Promise<number> {
  const empty = await deps.prompt.format({ sources: "", sourceCount: "0", segmentCount: "0", chunkNote: "" });
  const fixed = estimateTokens(empty.map((m) => m.content).join("\n")) + estimateTokens(JSON.stringify(jsonSchema)) + 10 * empty.length;
  const budget = deps.contextTokens - fixed - deps.maxOutputTokens;
  const longest = refs.reduce((most, ref) => Math.max(most, estimateSegmentTokens(ref)), 0);
  if (budget < longest) {
    const number = (n: number) => n.toLocaleString("en-US");
    // Half of what the fixed prompt leaves, so a call still carries a useful amount of source text.
    const room = deps.contextTokens - fixed;
    const half = Math.floor(room / 2 / 256) * 256;
    const suggested = half >= longest ? half : Math.max(0, room - longest);
    throw new AppError({
      code: "CONFIG_INVALID",
      message:
        `one LLM call cannot fit in BATON_LLM_CONTEXT_TOKENS=${deps.contextTokens}: the fixed prompt takes about ${number(fixed)} tokens, ` +
        `the output reservation ${number(deps.maxOutputTokens)} (BATON_LLM_MAX_OUTPUT_TOKENS) and the longest turn about ${number(longest)}; ` +
        `set BATON_LLM_CONTEXT_TOKENS to the model's context window or lower BATON_LLM_MAX_OUTPUT_TOKENS (to ${number(suggested)}, say)`,
      context: { cause: "context_too_small", contextTokens: deps.contextTokens, fixedTokens: fixed, maxOutputTokens: deps.maxOutputTokens },
    });
  }
  return budget;
}

const CachedOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("answer"), answer: HandoffExtractionSchema }),
  z.object({ kind: z.literal("truncated"), maxOutputTokens: z.number().int().optional() }),
]);

// An unreadable entry (written by an older version, or damaged) is a miss, not a failure; so is a refusal
// cached by an older version, and a truncation that happened with a smaller output reservation than now.
function readCachedOutcome(response: string | undefined, maxOutputTokens: number): ExtractionOutcome | undefined {
  if (response === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(response);
  } catch {
    return undefined;
  }
  const parsed = CachedOutcomeSchema.safeParse(json);
  if (!parsed.success) return undefined;
  if (parsed.data.kind === "truncated") {
    const at = parsed.data.maxOutputTokens;
    return at !== undefined && at >= maxOutputTokens ? { kind: "truncated" } : undefined;
  }
  return { ...parsed.data, promptTokens: 0, completionTokens: 0 };
}
