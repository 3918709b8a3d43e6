import { z } from "zod";

/** Which extractor made a draft: the LLM one (with its model and prompt version) or the offline rules. */
export const ExtractorInfoSchema = z.object({
  kind: z.enum(["llm", "offline"]),
  model: z.string().optional(),
  promptVersion: z.string().optional(),
});
export type ExtractorInfo = z.infer<typeof ExtractorInfoSchema>;
