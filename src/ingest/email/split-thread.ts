import type { ParseContext } from "../parse-context.ts";
import type { EmailPerson } from "./email-person.ts";
import { matchAttribution } from "./match-attribution.ts";
import { matchHeaderBlock } from "./match-header-block.ts";
import { parseLooseDate } from "./parse-loose-date.ts";
import { quoteLevel, stripQuoteLevel } from "./quote-level.ts";
import { stripSignature } from "./strip-signature.ts";

/** One message of a thread: the email's own new text, or an earlier one found in its quoted history. */
export type ThreadMessage = {
  author: EmailPerson | null;
  occurredAt?: string;
  text: string;
  /** The signature lines removed from the text (a title may be read from them). */
  signature: string[];
  /** Recovered from quoted history rather than sent as its own message. */
  quoted: boolean;
};

type ThreadRoot = { author: EmailPerson | null; occurredAt?: string; offsetMinutes?: number };

type Frame = Pick<ThreadMessage, "author" | "occurredAt" | "quoted">;
type Boundary = { person: EmailPerson; dateText: string; next: number };
type Walk = { offsetMinutes: number | undefined; context: ParseContext; out: ThreadMessage[] };

// Deeper quotes than this are dropped: real threads nest a handful of levels, and each level
// copies its lines once, so the cap keeps the work linear in the body size.
const MAX_QUOTE_DEPTH = 12;

function skipBlank(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  return i;
}

/** The lines with runs of blank lines (left where quotes were taken out) cut to one. */
function withoutBlankRuns(lines: readonly string[]): string[] {
  return lines.filter((line, i) => line.trim() !== "" || (lines[i - 1] ?? "x").trim() !== "");
}

function frameFor(person: EmailPerson | null, dateText: string, walk: Walk): Frame {
  const occurredAt = dateText === "" ? undefined : parseLooseDate(dateText, walk.offsetMinutes);
  return { author: person, quoted: true, ...(occurredAt === undefined ? {} : { occurredAt }) };
}

/**
 * Reads one message's lines from `start` up to the next quote boundary: its own text, and its
 * `>`-quoted blocks grouped under the "On … wrote:" header that introduced them. Returns the
 * boundary (an unquoted header after which an older message follows), or null at the end.
 */
function splitFrame(lines: readonly string[], start: number, frame: Frame, depth: number, walk: Walk): Boundary | null {
  const own: string[] = [];
  const buckets: { frame: Frame | null; lines: string[] }[] = [];
  // A message that starts quoted right under its header block ("From: … Subject: …" then "> …")
  // is that sender's text; once own text appears, a bare quote has no known sender.
  const opening: Frame | null = frame.quoted && frame.author !== null ? frame : null;
  let quoteFrame: Frame | null = opening;
  let boundary: Boundary | null = null;
  let i = start;
  while (i < lines.length) {
    if ((i & 511) === 0) walk.context.checkTime();
    const line = lines[i] ?? "";
    if (quoteLevel(line) > 0) {
      let bucket = buckets.at(-1);
      if (bucket === undefined || bucket.frame !== quoteFrame) {
        bucket = { frame: quoteFrame, lines: [] };
        buckets.push(bucket);
      } else {
        bucket.lines.push("");
      }
      while (i < lines.length && quoteLevel(lines[i] ?? "") > 0) bucket.lines.push(stripQuoteLevel(lines[i++] ?? ""));
      // Text written between quotes (inline replies) stays in separate paragraphs.
      if (own.length > 0 && (own.at(-1) ?? "").trim() !== "") own.push("");
      continue;
    }
    const header = matchAttribution(lines, i);
    if (header !== null) {
      // Quoted lines under a header are that sender's; a dated header with unquoted text
      // below it starts an older message (Outlook and Gmail forward that way).
      const next = skipBlank(lines, header.next);
      if (next < lines.length && quoteLevel(lines[next] ?? "") > 0) {
        quoteFrame = frameFor(header.person, header.dateText, walk);
        i = next;
        continue;
      }
      if (!header.weak) {
        boundary = { ...header, next };
        break;
      }
    }
    const block = matchHeaderBlock(lines, i);
    if (block !== null) {
      boundary = block;
      break;
    }
    if (quoteFrame === opening && line.trim() !== "") quoteFrame = null;
    own.push(line);
    i++;
  }
  const stripped = stripSignature(withoutBlankRuns(own), frame.author);
  walk.out.push({ ...frame, text: stripped.lines.join("\n"), signature: stripped.signature });
  if (depth < MAX_QUOTE_DEPTH) {
    for (const bucket of buckets) splitLines(bucket.lines, bucket.frame ?? { author: null, quoted: true }, depth + 1, walk);
  }
  return boundary;
}

function splitLines(lines: readonly string[], first: Frame, depth: number, walk: Walk): void {
  let frame = first;
  let start = 0;
  // A header block ends one message and starts the next, older one in the same lines.
  for (;;) {
    const boundary = splitFrame(lines, start, frame, depth, walk);
    if (boundary === null || boundary.next <= start) return;
    start = boundary.next;
    frame = frameFor(boundary.person, boundary.dateText, walk);
  }
}

/**
 * Splits an email body into its own new text and the earlier messages its quoted history
 * holds, newest first. Earlier messages without a sender (a bare `>` quote) have author null.
 */
export function splitThread(body: string, root: ThreadRoot, context: ParseContext): ThreadMessage[] {
  const walk: Walk = { offsetMinutes: root.offsetMinutes, context, out: [] };
  const frame: Frame = { author: root.author, quoted: false, ...(root.occurredAt ? { occurredAt: root.occurredAt } : {}) };
  splitLines(body.split("\n"), frame, 0, walk);
  return walk.out;
}
