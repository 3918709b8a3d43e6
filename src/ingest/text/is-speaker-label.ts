import { headerKeyKind } from "./header-key-kind.ts";

const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NAME_PARTICLES = new Set(["de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "dos", "das", "bin", "al", "el", "y", "ter", "ten"]);
// Roles that transcripts number ("Speaker 2") or write in lower case ("customer:").
const ROLE_WORDS = new Set([
  "speaker",
  "unknown speaker",
  "participant",
  "person",
  "guest",
  "caller",
  "agent",
  "customer",
  "client",
  "prospect",
  "interviewer",
  "interviewee",
  "respondent",
  "user",
  "attendee",
  "voice",
  "host",
  "panelist",
  "student",
  "teacher",
  "moderator",
  "rep",
  "csr",
  "ae",
  "sdr",
  "spk",
]);
// Words that start ordinary `Word: text` prose lines and are never people.
const NOT_LABELS = new Set([
  "note", "notes", "nb", "ps", "p.s.", "re", "fw", "fwd", "subject", "summary", "example", "examples",
  "warning", "tip", "important", "update", "step", "action", "action items", "next steps", "agenda",
  "answer", "question", "problem", "solution", "goal", "goals", "objective", "context", "background",
  "decision", "decisions", "owner", "deadline", "priority", "pros", "cons", "risk", "risks", "pain",
  "challenge", "recap", "overview", "conclusion", "introduction", "description", "definition",
  "purpose", "reason", "why", "what", "how", "result", "results", "total", "price", "pricing", "cost",
  "budget", "email", "phone", "tel", "mobile", "address", "website", "url", "from", "to", "cc", "bcc",
  "sent", "reply", "edit", "edited", "source", "sources", "reference", "references", "attachment",
  "attachments", "caution", "disclaimer", "important note", "key takeaways", "takeaways", "bottom line",
  "tl;dr", "tldr", "fact", "facts", "quote", "translation", "transcript", "timeline", "scope", "features",
  "todo", "fixme", "am", "pm", "eta", "faq", "hint", "caveat", "aside", "update",
]);
const NOT_LABEL_ENDINGS = new Set([
  "notes", "note", "items", "steps", "summary", "takeaways", "points", "date", "time", "id", "type",
  "duration", "questions", "agenda", "details", "overview", "status", "update", "updates", "goals",
  "objectives", "risks", "issues", "outcome", "outcomes", "results", "topics", "topic", "criteria",
  "requirements", "concerns", "objections", "pricing", "timeline", "name", "title",
]);

/**
 * Whether a `Label:` prefix looks like a speaker: 1–4 capitalised words ("Sarah", "Dr. Melissa Ko"),
 * a role ("CSR", "Customer", "customer") or a numbered role ("Speaker 1"); never a prose lead-in
 * ("Note", "Next Steps") or metadata key ("Date", "Duration").
 */
export function isSpeakerLabel(label: string): boolean {
  if (label.length === 0 || label.length > 40) return false;
  const lower = label.toLowerCase();
  if (ROLE_WORDS.has(lower)) return true;
  if (NOT_LABELS.has(lower) || headerKeyKind(label) !== null) return false;
  if (/^(?:speaker|spk)[ _]?\d{1,3}$/i.test(label)) return true;
  const words = label.split(" ");
  const last = words.at(-1)!;
  if (/^\d{1,3}$/.test(last)) return words.length > 1 && ROLE_WORDS.has(words.slice(0, -1).join(" ").toLowerCase());
  if (NOT_LABEL_ENDINGS.has(last.toLowerCase())) return false;
  const particles = words.filter((word) => NAME_PARTICLES.has(word)).length;
  if (words.length - particles > 4 || words.length > 5) return false;
  return words.every((word, index) => {
    if (CAPITALISED_WORD.test(word)) return true;
    return index > 0 && index < words.length - 1 && NAME_PARTICLES.has(word);
  });
}
