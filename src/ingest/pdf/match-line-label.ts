type LineLabel = {
  /** "caps": "CHAIR POWELL." transcript style; "colon": "Name:" notes style; "field": "Date:", not a speaker. */
  kind: "caps" | "colon" | "field";
  /** The label as written, without its trailing "." or ":". */
  label: string;
  /** What follows the label on the same line. */
  rest: string;
};

// Longer lines cannot start with a label this short; bounds the regex work per line.
const MAX_LABEL_CHARS = 60;

// Transcript style: "CHAIR POWELL. Good afternoon." / "MR. SMITH." / "JEANNA SMIALEK. Thanks".
const HONORIFIC = /^(?:MR|MS|MRS|DR|SEN|REP|GOV)\.\s/u;
const CAPS_LABEL = /^((?:(?:MR|MS|MRS|DR|SEN|REP|GOV)\.\s)?\p{Lu}[\p{Lu}'’-]*(?:\s\p{Lu}[\p{Lu}'’-]*){0,3})\.(?:\s|$)/u;

// Notes style: "Dana Whitfield: text" / "Q: text"; every word capitalized.
const COLON_LABEL = /^(\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3}):(?:\s|$)/u;

// "Next steps:" — field names may have lowercase words.
const FIELD_LABEL = /^(\p{L}+(?: \p{L}+)?):(?:\s|$)/u;

// Names of fields in notes, memos and order forms, which look like "Name:" labels.
const FIELD_NAMES = new Set([
  "absent",
  "account",
  "action items",
  "address",
  "agenda",
  "amount",
  "attachments",
  "attendees",
  "bcc",
  "billing",
  "call",
  "cc",
  "company",
  "contact",
  "currency",
  "customer",
  "date",
  "decision",
  "decisions",
  "discount",
  "duration",
  "email",
  "end date",
  "from",
  "host",
  "invoice",
  "location",
  "meeting",
  "minutes",
  "name",
  "next steps",
  "note",
  "notes",
  "order",
  "organizer",
  "owner",
  "page",
  "participants",
  "payment",
  "payment terms",
  "phone",
  "plan",
  "present",
  "price",
  "product",
  "quantity",
  "qty",
  "re",
  "recording",
  "reference",
  "region",
  "seats",
  "signature",
  "start date",
  "status",
  "subject",
  "subtotal",
  "summary",
  "tax",
  "term",
  "time",
  "title",
  "to",
  "topic",
  "total",
  "unit price",
  "version",
  "when",
  "where",
]);

/** Reads a label at the start of a line ("CHAIR POWELL.", "MR. SMITH.", "Name:", "Date:"), or null. */
export function matchLineLabel(line: string): LineLabel | null {
  const head = line.slice(0, MAX_LABEL_CHARS + 2);
  const caps = CAPS_LABEL.exec(head);
  if (caps?.[1] !== undefined) {
    const label = caps[1];
    // One bare capitalized word ("FOMC.") is too often an acronym ending a sentence.
    if (HONORIFIC.test(label) || label.includes(" ")) return { kind: "caps", label, rest: line.slice(caps[0].length).trim() };
  }
  const field = FIELD_LABEL.exec(head);
  if (field?.[1] !== undefined && FIELD_NAMES.has(field[1].toLowerCase())) {
    return { kind: "field", label: field[1], rest: line.slice(field[0].length).trim() };
  }
  const colon = COLON_LABEL.exec(head);
  if (colon?.[1] !== undefined) return { kind: "colon", label: colon[1], rest: line.slice(colon[0].length).trim() };
  return null;
}

/**
 * The label styles a document uses for speakers. A style counts once two different labels of it
 * each start at least two lines: a conversation goes back and forth, while a form's or a memo's
 * "Quantity:" and "Update:" lines each appear once.
 */
export function findSpeakerStyles(lines: string[]): Set<"caps" | "colon"> {
  const counts = { caps: new Map<string, number>(), colon: new Map<string, number>() };
  for (const line of lines) {
    const label = matchLineLabel(line);
    if (label === null || label.kind === "field") continue;
    const byLabel = counts[label.kind];
    byLabel.set(label.label, (byLabel.get(label.label) ?? 0) + 1);
  }
  const styles = new Set<"caps" | "colon">();
  for (const style of ["caps", "colon"] as const) {
    const recurring = [...counts[style].values()].filter((count) => count >= 2).length;
    if (recurring >= 2) styles.add(style);
  }
  return styles;
}
