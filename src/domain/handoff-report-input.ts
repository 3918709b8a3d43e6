import type { ItemOrigin, ItemStatus } from "./item.ts";
import type { SectionKey } from "./sections.ts";

/** What the report needs of one deal: counts and section keys only, never content. */
export type HandoffReportDealInput = {
  deal: { id: string; account: string; closeDate: string | null; aeId: string; csmId: string | null };
  aeName: string | null;
  csmName: string | null;
  sourceCount: number;
  /** Stored items grouped by what matters here, with how many of each. */
  itemCounts: { section: SectionKey; status: ItemStatus; origin: ItemOrigin; needsChecking: boolean; count: number }[];
  /** Sections of the current draft the AE answered by hand. */
  answeredSections: SectionKey[];
  /** The latest approved version, with the first approval's time; null when never approved. */
  approved: { version: number; firstApprovedAt: string; items: number; gapSections: SectionKey[] } | null;
};
