import { z } from "zod";
import { DraftSchema } from "./draft.ts";
import { GapAnswerSchema } from "./gap-answer.ts";
import { GapSchema } from "./item.ts";
import { StoredItemSchema } from "./stored-item.ts";

/** A gap of the current draft, with the AE's answer when there is one. */
export const DraftGapSchema = GapSchema.extend({ answer: GapAnswerSchema.optional().describe("the AE's answer, when given") });
export type DraftGap = z.infer<typeof DraftGapSchema>;

/** The draft of a deal as stored: the contract's Draft plus the review trail and the AE's gap answers. */
export const DealDraftSchema = DraftSchema.extend({
  dealId: z.string(),
  createdAt: z.string().nullable().describe("when the latest successful run finished; null before any has"),
  items: z.array(StoredItemSchema).describe("items with a verified citation or added by the AE, rejected ones included, in section order"),
  needsChecking: z.array(StoredItemSchema),
  gaps: z.array(DraftGapSchema),
});
export type DealDraft = z.infer<typeof DealDraftSchema>;
