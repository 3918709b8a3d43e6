import type { VerifyAnswer } from "../grounding/verify-answer.ts";

/** The answer as one readable line for a terminal. */
export function renderVerifyAnswer(answer: VerifyAnswer): string {
  if (answer.match === "unverified") return `unverified: ${answer.reason ?? "not found in the source"}\n`;
  const who = answer.speaker ? ` (${answer.speaker})` : "";
  const where = answer.segmentIds ? `segments ${answer.segmentIds.join(", ")}` : `segment ${answer.segmentId}`;
  const note = answer.reason ? ` [${answer.reason}]` : "";
  // A span across segments holds their separator; the terminal line shows it as one space.
  const quote = (answer.quote ?? "").replace(/\s+/g, " ");
  return `${answer.match} match in ${where}${who}, characters ${answer.charStart}-${answer.charEnd}: “${quote}”${note}\n`;
}
