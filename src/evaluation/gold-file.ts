import { z } from "zod";
import { SectionKeySchema } from "../domain/sections.ts";

/** A hand-annotated reference file: the items a correct draft of one source must contain. */
export const GoldFileSchema = z.object({
  source: z.string(),
  /** Gold files with the same deal are drafted together; without one, the source's folder is the deal. */
  deal: z.string().optional(),
  note: z.string().optional(),
  items: z.array(
    z.object({
      sections: z.array(SectionKeySchema).min(1),
      statement: z.string(),
      /** A verbatim span of the source that a correct citation overlaps. */
      quote: z.string(),
    }),
  ),
  expectedGaps: z.array(SectionKeySchema).optional(),
});
export type GoldFile = z.infer<typeof GoldFileSchema>;
