import type { ParseContext } from "../parse-context.ts";

const LF = 0x0a;
const FROM_LINE = /^From \S.{0,300}\d{1,2}:\d{2}/;
const HEADER_LINE = /^[\w-]+:/;

function lineAt(buffer: Buffer, start: number): { text: string; end: number } {
  let end = buffer.indexOf(LF, start);
  if (end < 0) end = buffer.length;
  return { text: buffer.toString("latin1", start, Math.min(end, start + 400)), end };
}

/** A "From " separator: it carries a date with a time, and a header line follows it. */
function isSeparator(buffer: Buffer, start: number): { bodyStart: number } | null {
  const line = lineAt(buffer, start);
  if (!FROM_LINE.test(line.text)) return null;
  const next = lineAt(buffer, line.end + 1);
  return HEADER_LINE.test(next.text) ? { bodyStart: line.end + 1 } : null;
}

/** Undoes mboxrd/mboxo escaping: a body line ">From " (or ">>From ") loses one ">". */
function unescapeFromLines(message: Buffer): Uint8Array {
  const chunks: Buffer[] = [];
  let copied = 0;
  let at = message.indexOf(">From ");
  while (at >= 0) {
    let lineStart = at;
    while (lineStart > 0 && message[lineStart - 1] === 0x3e) lineStart--;
    if (lineStart === 0 || message[lineStart - 1] === LF) {
      chunks.push(message.subarray(copied, lineStart));
      copied = lineStart + 1;
    }
    at = message.indexOf(">From ", at + 6);
  }
  if (chunks.length === 0) return message;
  chunks.push(message.subarray(copied));
  return Buffer.concat(chunks);
}

/**
 * Splits an mbox into its raw messages at "From " separator lines (at a line start, with a
 * date, followed by headers), without the separator lines, with ">From " lines unescaped.
 */
export function splitMbox(bytes: Uint8Array, context: ParseContext): Uint8Array[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: { lineStart: number; bodyStart: number }[] = [];
  let lineStart = 0;
  while (lineStart < buffer.length && (buffer[lineStart] === LF || buffer[lineStart] === 0x0d || buffer[lineStart] === 0x20)) lineStart++;
  let candidate = lineStart;
  let checked = 0;
  while (candidate >= 0) {
    if (++checked % 256 === 0) context.checkTime();
    const separator = isSeparator(buffer, candidate);
    if (separator !== null) starts.push({ lineStart: candidate, bodyStart: separator.bodyStart });
    const next = buffer.indexOf("\nFrom ", candidate);
    candidate = next < 0 ? -1 : next + 1;
  }
  return starts.map((start, i) => {
    const end = starts[i + 1]?.lineStart ?? buffer.length;
    return unescapeFromLines(buffer.subarray(start.bodyStart, end));
  });
}
