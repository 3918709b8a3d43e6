import { createHash } from "node:crypto";
import { z } from "zod";
import type { Usage } from "../../drafting/draft.ts";
import { SECTION_KEYS, type SectionKey } from "../../drafting/sections.ts";
import { AppError } from "../../errors.ts";
import type { LlmCache } from "../../storage/llm-cache-repository.ts";
import type { CandidateItem, Extractor } from "../extractor.ts";
import { HandoffExtractionSchema } from "../handoff-schema.ts";
import type { LlmClient } from "../llm-client.ts";
import type { PromptTemplate } from "../load-prompt.ts";
import { answerToCandidates } from "./answer-to-candidates.ts";
import { askForExtraction, type ExtractionOutcome } from "./ask-for-extraction.ts";
import { createPiiMask, NO_MASK } from "./pii-mask.ts";
import { planChunks } from "./plan-chunks.ts";
import { estimateTokens, renderSources } from "./render-sources.ts";
import { createSegmentRefs, type SegmentRef } from "./segment-refs.ts";
import { toStrictJsonSchema } from "./strict-json-schema.ts";

type LlmExtractorDeps = {
  client: LlmClient;
  cache: LlmCache;
  prompt: PromptTemplate;
  /** Tokens of source text one call may carry; larger deals are chunked. */
  contextBudgetTokens: number;
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

      const runChunk = async (chunk: SegmentRef[], chunkNote: string): Promise<void> => {
        const messages = await deps.prompt.format({
          sources: renderSources(chunk, sources, mask.mask),
          sourceCount: String(new Set(chunk.map((r) => r.sourceIndex)).size),
          segmentCount: String(chunk.length),
          chunkNote,
        });
        const key = createHash("sha256")
          .update(JSON.stringify([deps.client.model, deps.prompt.version, schemaHash, messages]))
          .digest("hex");
        const cached = readCachedOutcome(deps.cache.get(key)?.response);
        if (cached !== undefined) usage.cachedCalls += 1;
        const outcome = cached ?? (await askForExtraction(deps.client, { messages, jsonSchema, signal: options.signal }, usage));
        const fatal = outcome.kind === "truncated" && chunk.length < 2;
        if (cached === undefined && !fatal) {
          // Refusals and truncations are cached too, so an unchanged re-run makes no call at all.
          deps.cache.put(key, {
            response: JSON.stringify(outcome.kind === "answer" ? { kind: "answer", answer: outcome.answer } : { kind: outcome.kind }),
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
            throw new AppError({ code: "LLM_FAILED", message: "LLM answer was truncated even for a single segment" });
          }
          const half = Math.ceil(chunk.length / 2);
          await runChunk(chunk.slice(0, half), `${chunkNote}, first half`);
          await runChunk(chunk.slice(half), `${chunkNote}, second half`);
          return;
        }
        items.push(...answerToCandidates(outcome.answer, refsById, mask));
      };

      const chunks = planChunks(refs, deps.contextBudgetTokens, (ref) => estimateTokens(ref.segment.text) + 12);
      for (const [i, chunk] of chunks.entries()) {
        await runChunk(chunk, chunks.length > 1 ? `; part ${i + 1} of ${chunks.length} of a longer deal` : "");
      }
      // Only sections refused everywhere count as refused; a section answered in another chunk is not.
      const answered = new Set(items.map((item) => item.section));
      return { items, usage, info, refusedSections: [...refused].filter((s) => !answered.has(s)) };
    },
  };
}

const CachedOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("answer"), answer: HandoffExtractionSchema }),
  z.object({ kind: z.literal("refused") }),
  z.object({ kind: z.literal("truncated") }),
]);

// An unreadable entry (written by an older version, or damaged) is a miss, not a failure.
function readCachedOutcome(response: string | undefined): ExtractionOutcome | undefined {
  if (response === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(response);
  } catch {
    return undefined;
  }
  const parsed = CachedOutcomeSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return parsed.data.kind === "answer" ? { ...parsed.data, promptTokens: 0, completionTokens: 0 } : parsed.data;
}
