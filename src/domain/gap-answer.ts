import { z } from "zod";
import { VERSION_DESCRIPTION } from "./expected-version.ts";
import { GapIdSchema } from "./gap-id.ts";
import { SectionKeySchema } from "./sections.ts";

/** The AE's answer to a section the sources leave empty: provided by the AE, never presented as sourced. */
export const GapAnswerSchema = z.object({
  section: SectionKeySchema,
  gapId: GapIdSchema.optional().describe(
    "the gap answered, when it is a contract field's (accountOverview.<field>) rather than the section's",
  ),
  answer: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
  version: z
    .number()
    .int()
    .positive()
    .describe(`${VERSION_DESCRIPTION}; a gap without an answer is version 0 (If-Match: "0" answers it only if still unanswered)`),
});
export type GapAnswer = z.infer<typeof GapAnswerSchema>;
