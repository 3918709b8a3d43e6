/** How a promise's, step's or objection's status reads in the draft, the brief and on the review screen. */
const STATUS_WORDS: Record<string, string> = {
  open: "open",
  done: "done",
  superseded: "superseded",
  past: "past: check it happened",
  resolved: "resolved",
  answered: "answered",
  answeredNotAccepted: "answered, not accepted",
};

/** "answeredNotAccepted" → "answered, not accepted"; a status it does not know, as it is. */
export function statusWords(status: string): string {
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status]! : status;
}
