import type { ExtractorInfo } from "../domain/extractor-info.ts";
import type { Usage } from "../domain/usage.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { ParsedSource } from "../domain/source.ts";

/** A claim's evidence as the extractor states it, before grounding checks it. */
export type EvidenceRef = {
  /** null when the extractor cited an id that does not exist: grounding then searches every source. */
  sourceId: string | null;
  segmentId: string | null;
  quote: string;
};

/** One extracted item before verification and merging. */
export type CandidateItem = {
  section: SectionKey;
  statement: string;
  details: Record<string, unknown>;
  evidence: EvidenceRef[];
  flags?: string[];
};

export type ExtractionResult = {
  items: CandidateItem[];
  usage: Usage;
  info: ExtractorInfo;
  /** Sections the model refused to answer; they become gaps marked as refused. */
  refusedSections: SectionKey[];
};

/** What the extractor is doing, for a progress display; counts and timings only, never content. */
export type ExtractionProgress =
  | { kind: "call-started"; call: number; part: string }
  | { kind: "call-finished"; call: number; part: string; promptTokens: number; completionTokens: number }
  | { kind: "cache-hit"; part: string };

export type ExtractOptions = {
  signal?: AbortSignal;
  /** Ask the model again even when an answer for the same input is cached (the fresh answer replaces it). */
  refresh?: boolean;
  onProgress?: (event: ExtractionProgress) => void;
};

/** What extracting some sources would take, worked out before any call: the calls and their estimated tokens. */
export type ExtractionEstimate = { calls: number; promptTokens: number; outputTokens: number };

/** Both the LLM extractor and the offline extractor implement this. */
export type Extractor = {
  readonly info: ExtractorInfo;
  extract(sources: ParsedSource[], options?: ExtractOptions): Promise<ExtractionResult>;
  /** The calls `extract` would make for these sources, chunked the same way; output tokens are the reservation (a ceiling). */
  estimate(sources: ParsedSource[]): Promise<ExtractionEstimate>;
};
