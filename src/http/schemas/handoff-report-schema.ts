import { z } from "@hono/zod-openapi";
import { SectionKeySchema } from "../../domain/sections.ts";

// The documented shape of src/handoff/build-handoff-report.ts; the report route's typed answer holds the two together.

const ReportDealSchema = z.object({
  dealId: z.string(),
  account: z.string(),
  aeId: z.string(),
  aeName: z.string().nullable(),
  csmId: z.string().nullable(),
  csmName: z.string().nullable(),
  closeDate: z.string().nullable(),
  sources: z.number().int(),
  items: z.number().int().describe("items of the handoff: the approved version's, else the draft's verified, non-rejected ones"),
  extractedItems: z.number().int(),
  needsCheckingItems: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  firstApprovedAt: z.string().nullable(),
  completionBasis: z.enum(["approved", "draft"]).describe("what completion and gaps are measured on"),
  completionRate: z.number().describe("filled sections / 11"),
  hoursToApprovedHandoff: z.number().nullable().describe("from the close date (00:00 UTC) to the first approval"),
  unverifiedRate: z.number().nullable().describe("needs-checking / extracted items; null without extracted items"),
  gapSections: z.array(SectionKeySchema),
});

const SectionGapCountSchema = z.object({ section: SectionKeySchema, deals: z.number().int() });

export const HandoffReportSchema = z
  .object({
    generatedAt: z.string(),
    filters: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    totals: z.object({
      deals: z.number().int(),
      approvedDeals: z.number().int(),
      completionRate: z.number().nullable().describe("mean over the deals; null without deals"),
      hoursToApprovedHandoff: z
        .object({
          deals: z.number().int().describe("deals with a close date and an approval"),
          median: z.number().nullable(),
          mean: z.number().nullable(),
        })
        .describe("from close to the first approved handoff"),
      unverifiedRate: z.number().nullable(),
      recurringGaps: z.object({
        bySection: z.array(SectionGapCountSchema.extend({ title: z.string() })).describe("most often missing first"),
        byAe: z
          .array(
            z.object({
              aeId: z.string(),
              aeName: z.string().nullable(),
              deals: z.number().int(),
              meanCompletion: z.number(),
              mostFrequentGaps: z.array(SectionGapCountSchema),
            }),
          )
          .describe("lowest mean completion first"),
      }),
    }),
    deals: z.array(ReportDealSchema),
  })
  .openapi("HandoffReport");
