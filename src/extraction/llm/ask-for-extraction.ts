import type { Usage } from "../../domain/usage.ts";
import { AppError } from "../../errors.ts";
import { type HandoffExtraction, HandoffExtractionSchema } from "../handoff-schema.ts";
import type { LlmClient } from "../llm-client.ts";
import type { ChatMessage } from "../load-prompt.ts";
import type { ExtractionProgress } from "../extractor.ts";
import { readJsonAnswer } from "./read-json-answer.ts";

/** The name the extraction's JSON schema is sent under. */
export const EXTRACTION_SCHEMA_NAME = "handoff_extraction";

export type ExtractionOutcome =
  | { kind: "answer"; answer: HandoffExtraction; promptTokens: number; completionTokens: number }
  | { kind: "refused" }
  | { kind: "truncated" };

/**
 * One extraction call with the answer validated on this side; an answer that fails validation
 * gets exactly one re-ask carrying the validation error. HTTP retries live in the client, not here.
 */
export async function askForExtraction(
  client: LlmClient,
  request: {
    messages: ChatMessage[];
    jsonSchema: Record<string, unknown>;
    maxOutputTokens: number;
    signal: AbortSignal | undefined;
    /** Names the call in progress reports, e.g. "part 1 of 2". */
    part: string;
    onProgress: ((event: ExtractionProgress) => void) | undefined;
  },
  usage: Usage,
): Promise<ExtractionOutcome> {
  let messages = request.messages;
  let promptTokens = 0;
  let completionTokens = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    request.onProgress?.({ kind: "call-started", call: usage.llmCalls + 1, part: request.part });
    const completion = await client.completeJson({
      messages,
      schemaName: EXTRACTION_SCHEMA_NAME,
      jsonSchema: request.jsonSchema,
      maxTokens: request.maxOutputTokens,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    usage.llmCalls += 1;
    request.onProgress?.({
      kind: "call-finished",
      call: usage.llmCalls,
      part: request.part,
      promptTokens: completion.promptTokens,
      completionTokens: completion.completionTokens,
    });
    usage.promptTokens += completion.promptTokens;
    usage.completionTokens += completion.completionTokens;
    promptTokens += completion.promptTokens;
    completionTokens += completion.completionTokens;
    if (completion.refusal !== null && completion.refusal !== "") return { kind: "refused" };
    if (completion.finishReason === "length") return { kind: "truncated" };
    if (completion.finishReason === "content_filter") return { kind: "refused" };
    const problem = validate(completion.content);
    if (problem.ok) return { kind: "answer", answer: problem.answer, promptTokens, completionTokens };
    messages = [
      ...request.messages,
      { role: "assistant", content: (completion.content ?? "").slice(0, 20_000) },
      {
        role: "user",
        content: `Your answer is not valid: ${problem.error}. Answer again with one JSON object that follows the schema exactly.`,
      },
    ];
  }
  throw new AppError({
    code: "LLM_FAILED",
    message: "LLM answer did not match the handoff schema after one re-ask: the model may be too small for it; try another BATON_MODEL",
    context: { cause: "invalid_answer" },
  });
}

function validate(content: string | null): { ok: true; answer: HandoffExtraction } | { ok: false; error: string } {
  if (content === null || content.trim() === "") return { ok: false, error: "the answer was empty" };
  const json = readJsonAnswer(content);
  if (json === undefined) return { ok: false, error: "the answer is not parseable JSON" };
  const result = HandoffExtractionSchema.safeParse(json);
  if (result.success) return { ok: true, answer: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return { ok: false, error: issues };
}
