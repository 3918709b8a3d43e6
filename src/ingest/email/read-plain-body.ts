import { TextDecoder } from "node:util";

const LF = 0x0a;
const CR = 0x0d;
const EQUALS = 0x3d;
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_TYPE_LENGTH = 200;

// Labels TextDecoder reads as written, which is what postal-mime's getDecoder does with them.
const SIMPLE_CHARSET = /^(?:utf-?8|us-ascii|ascii|iso-8859-(?:[1-9]|1[013-5])|latin1|windows-125[0-8])$/;
// text/plain with nothing but plain charset, format and delsp parameters; anything else goes to postal-mime.
const PLAIN_TYPE = /^text\/plain[ \t]*((?:;[ \t]*(?:charset|format|delsp)[ \t]*=[ \t]*(?:"[\w.:-]*"|[\w.:-]*)[ \t]*)*);?[ \t]*$/i;
const CHARSET_PARAMETER = /;[ \t]*charset[ \t]*=[ \t]*"?([\w.:-]*)/gi;
const FLOWED_PARAMETER = /;[ \t]*format[ \t]*=[ \t]*"?flowed/i;
const PASS_THROUGH = /^(?:7bit|8bit|binary)$/i;
const QUOTED_PRINTABLE = /^quoted-printable$/i;
const CONTENT_HEADERS = new Set(["content-type", "content-transfer-encoding", "content-disposition"]);

const LATIN1 = new TextDecoder("latin1");
const decoders = new Map<string, TextDecoder>();

function decoderFor(label: string): TextDecoder {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    decoder = new TextDecoder(label);
    decoders.set(label, decoder);
  }
  return decoder;
}

/** End of a line's content as postal-mime reads it: trailing CR and LF bytes are not content. */
function contentEnd(bytes: Uint8Array, start: number, lineFeed: number): number {
  let end = lineFeed;
  while (end > start && (bytes[end - 1] === CR || bytes[end - 1] === LF)) end -= 1;
  return end;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return -1;
}

/** Appends one quoted-printable line; returns the new length. Invalid escapes stay literal, a final "=" joins lines. */
function writeQuotedPrintable(bytes: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  const softBreak = end > start && bytes[end - 1] === EQUALS;
  const last = softBreak ? end - 1 : end;
  let length = at;
  for (let index = start; index < last; index += 1) {
    const high = bytes[index] === EQUALS && index + 2 < last ? hexValue(bytes[index + 1]!) : -1;
    const low = high < 0 ? -1 : hexValue(bytes[index + 2]!);
    if (low < 0) {
      out[length++] = bytes[index]!;
      continue;
    }
    out[length++] = (high << 4) | low;
    index += 2;
  }
  if (!softBreak) out[length++] = LF;
  return length;
}

function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === " " || text[start] === "\t")) start += 1;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\t")) end -= 1;
  return text.slice(start, end);
}

/** The content headers of a header block, unfolded as postal-mime unfolds them; null when one is repeated. */
function readContentHeaders(lines: string[]): Map<string, string> | null {
  const found = new Map<string, string>();
  const fields: string[] = [];
  for (const line of lines) {
    if (fields.length > 0 && (line.startsWith(" ") || line.startsWith("\t"))) fields[fields.length - 1] += line;
    else fields.push(line);
  }
  for (const field of fields) {
    const colon = field.indexOf(":");
    const key = trimBlanks(colon < 0 ? field : field.slice(0, colon)).toLowerCase();
    if (!CONTENT_HEADERS.has(key)) continue;
    const value = colon < 0 ? "" : field.slice(colon + 1);
    // A carriage return inside a field is folded differently by each parser: leave it to postal-mime.
    if (found.has(key) || value.includes("\r")) return null;
    found.set(key, trimBlanks(value));
  }
  return found;
}

/**
 * The text of a single-part text/plain message (7bit, 8bit or quoted-printable, a common charset),
 * decoded byte for byte as postal-mime decodes it, with the header block to give postal-mime for
 * the headers alone; null when the message needs the full MIME parser. postal-mime awaits every
 * body line and reads each part back from a Blob, which dominates parsing a mailbox of plain mail.
 */
export function readPlainBody(bytes: Uint8Array): { header: Uint8Array; text: string } | null {
  const headerLines: string[] = [];
  let bodyStart = -1;
  for (let start = 0; start < bytes.length && start <= MAX_HEADER_BYTES; ) {
    let lineFeed = bytes.indexOf(LF, start);
    if (lineFeed < 0) lineFeed = bytes.length;
    const end = contentEnd(bytes, start, lineFeed);
    if (end === start) {
      bodyStart = Math.min(lineFeed + 1, bytes.length);
      break;
    }
    headerLines.push(LATIN1.decode(bytes.subarray(start, end)));
    start = lineFeed + 1;
  }
  if (bodyStart < 0 || bodyStart >= bytes.length) return null;
  const headers = readContentHeaders(headerLines);
  if (headers === null || headers.has("content-disposition")) return null;
  const type = headers.get("content-type") ?? "text/plain";
  // A plain text type is short; the length cap also keeps the patterns below linear.
  if (type.length > MAX_TYPE_LENGTH || !PLAIN_TYPE.test(type) || FLOWED_PARAMETER.test(type)) return null;
  const charsets = [...type.matchAll(CHARSET_PARAMETER)];
  if (charsets.length > 1) return null;
  const charset = (charsets[0]?.[1] || "utf8").toLowerCase();
  if (!SIMPLE_CHARSET.test(charset)) return null;
  const encoding = headers.get("content-transfer-encoding") ?? "8bit";
  const quotedPrintable = QUOTED_PRINTABLE.test(encoding);
  if (!quotedPrintable && !PASS_THROUGH.test(encoding)) return null;

  const out = new Uint8Array(bytes.length - bodyStart + 1);
  let length = 0;
  for (let start = bodyStart; start < bytes.length; ) {
    let lineFeed = bytes.indexOf(LF, start);
    if (lineFeed < 0) lineFeed = bytes.length;
    const end = contentEnd(bytes, start, lineFeed);
    if (quotedPrintable) {
      length = writeQuotedPrintable(bytes, start, end, out, length);
    } else {
      out.set(bytes.subarray(start, end), length);
      length += end - start;
      out[length++] = LF;
    }
    start = lineFeed + 1;
  }
  const text = decoderFor(charset).decode(out.subarray(0, length));
  // An empty body is rare and postal-mime reports it its own way: let it.
  return text.trim() === "" ? null : { header: bytes.subarray(0, bodyStart), text };
}
