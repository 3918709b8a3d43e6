import type { HandoffFieldKey } from "./handoff-fields.ts";
import type { ItemOrigin, ItemStatus } from "./item.ts";
import type { SectionKey } from "./sections.ts";

/** Tokens one extraction run recorded (runs that never got to record usage are left out). */
export type RunUsageInput = {
  runId: string;
  status: string;
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
};

/** What the report needs of one deal: counts, section and field keys only, never content. */
export type HandoffReportDealInput = {
  deal: { id: string; account: string; closeDate: string | null; aeId: string; csmId: string | null; createdAt: string };
  aeName: string | null;
  csmName: string | null;
  sourceCount: number;
  /** Stored items grouped by what matters here, with how many of each; `verified`: a citation verified or added by the AE. */
  itemCounts: {
    section: SectionKey;
    status: ItemStatus;
    origin: ItemOrigin;
    needsChecking: boolean;
    verified: boolean;
    count: number;
  }[];
  /** Fields the current draft's items that fill the handoff (see fillsHandoff) state. */
  statedFields: HandoffFieldKey[];
  /** Sections of the current draft the AE answered by hand. */
  answeredSections: SectionKey[];
  /** The latest approved version, with the first approval's time; null when never approved. */
  approved: {
    version: number;
    firstApprovedAt: string;
    items: number;
    gapSections: SectionKey[];
    /** Fields its items state, and sections whose gap the AE answered in it. */
    statedFields: HandoffFieldKey[];
    answeredSections: SectionKey[];
  } | null;
  /** Usage of the deal's extraction runs, oldest first. */
  runs: RunUsageInput[];
};
