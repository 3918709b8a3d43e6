import { z } from "zod";
import { SectionKeySchema } from "./sections.ts";

/** The AE's answer to a section the sources leave empty: provided by the AE, never presented as sourced. */
export const GapAnswerSchema = z.object({
  section: SectionKeySchema,
  answer: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
});
export type GapAnswer = z.infer<typeof GapAnswerSchema>;
