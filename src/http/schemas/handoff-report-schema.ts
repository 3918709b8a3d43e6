import { z } from "@hono/zod-openapi";
import { HandoffFieldKeySchema } from "../../domain/handoff-fields.ts";
import { SectionKeySchema } from "../../domain/sections.ts";

// The documented shape of src/handoff/build-handoff-report.ts; the report route's typed answer holds the two together.

const UsageSummarySchema = z.object({
  runs: z.number().int(),
  llmCalls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cost: z.number().nullable().describe("at BATON_PRICE_PROMPT_PER_MTOK / BATON_PRICE_OUTPUT_PER_MTOK; null while unset"),
});

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
  hoursToApprovedHandoff: z
    .number()
    .nullable()
    .describe("from handoffClockStart (the close date at 00:00 UTC; a backfilled deal's creation in Baton) to the first approval"),
  unverifiedRate: z.number().nullable().describe("needs-checking / extracted items; null without extracted items"),
  gapSections: z.array(SectionKeySchema),
  gapFields: z.array(HandoffFieldKeySchema).describe("fields the handoff does not state (approved or verified items, or an answered gap)"),
  backfilled: z.boolean().describe("created in Baton more than 7 days after its close date: its handoff clock starts at creation"),
  handoffClockStart: z.string().nullable().describe("the close date 00:00 UTC, or a backfilled deal's creation; null without a close date"),
  usage: UsageSummarySchema.describe("every extraction run of the deal that recorded usage"),
  runs: z.array(UsageSummarySchema.extend({ runId: z.string(), status: z.string() })).describe("each extraction run's tokens and cost"),
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
          backfilledDeals: z.number().int().describe("of those, deals created over 7 days after their close, timed from creation"),
        })
        .describe("from close (a backfilled deal: from its creation in Baton) to the first approved handoff"),
      unverifiedRate: z.number().nullable(),
      recurringGaps: z.object({
        bySection: z.array(SectionGapCountSchema.extend({ title: z.string() })).describe("most often missing first"),
        byField: z
          .array(z.object({ field: HandoffFieldKeySchema, deals: z.number().int(), title: z.string(), section: SectionKeySchema }))
          .describe("deals missing each field, most often missing first"),
        byAe: z
          .array(
            z.object({
              aeId: z.string(),
              aeName: z.string().nullable(),
              deals: z.number().int(),
              meanCompletion: z.number(),
              mostFrequentGaps: z.array(SectionGapCountSchema),
              fieldGaps: z
                .array(z.object({ field: HandoffFieldKeySchema, deals: z.number().int() }))
                .describe("every field in list order, with how many of the AE's deals miss it"),
            }),
          )
          .describe("lowest mean completion first"),
      }),
      completionByWeek: z
        .array(z.object({ weekStart: z.string().describe("Monday, YYYY-MM-DD"), deals: z.number().int(), completionRate: z.number() }))
        .describe("mean completeness of the deals closed each week (UTC), oldest first; weeks without deals are left out"),
      usage: UsageSummarySchema.extend({ currency: z.string().nullable().describe("of cost; null without prices") }).describe(
        "every extraction run of the deals in the report",
      ),
    }),
    deals: z.array(ReportDealSchema),
  })
  .openapi("HandoffReport");
