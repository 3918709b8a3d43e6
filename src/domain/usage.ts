import { z } from "zod";

export const UsageSchema = z.object({
  llmCalls: z.number().int(),
  cachedCalls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const NO_USAGE: Usage = { llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 };
