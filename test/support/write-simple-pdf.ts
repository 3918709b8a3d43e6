import { createPdfSecurity, type PdfSecurity } from "./pdf-rc4-security.ts";

/**
 * A dependency-free writer of small, valid PDFs for tests and fixtures: one page per array of
 * lines, standard Helvetica (no embedded font), uncompressed content streams, WinAnsi text.
 */

export type SimplePdfOptions = {
  /** Lines drawn at the top of every page; `{page}` and `{pages}` are replaced by numbers. */
  header?: string[];
  /** Lines drawn at the bottom of every page; `{page}` and `{pages}` are replaced by numbers. */
  footer?: string[];
  /** Document information dictionary entries (written as PDF text strings). */
  title?: string;
  author?: string;
  /** Written as a PDF date (D:YYYYMMDDHHmmSSZ). */
  creationDate?: Date;
  fontSize?: number;
  /** Encrypts the file (RC4 40-bit) so that it opens only with this password. */
  userPassword?: string;
};

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN_X = 72;
const HEADER_Y = 750;
const BODY_TOP_Y = 700;
const FOOTER_Y = 40;

// The characters WinAnsiEncoding places in 0x80-0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unused);
// everything else above 0xFF becomes "?".
const WIN_ANSI_HIGH_CHARS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const WIN_ANSI_HIGH_BYTES = [
  0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a,
  0x9b, 0x9c, 0x9e, 0x9f,
];
const WIN_ANSI_HIGH = new Map<number, number>(
  Array.from(WIN_ANSI_HIGH_CHARS, (char, i) => [char.codePointAt(0) as number, WIN_ANSI_HIGH_BYTES[i] as number]),
);

/** Encodes a string as a PDF literal string body in WinAnsi, escaping ( ) \ and non-ASCII bytes. */
export function encodePdfLiteral(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const byte = code < 0x80 ? code : code >= 0xa0 && code <= 0xff ? code : (WIN_ANSI_HIGH.get(code) ?? 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return out;
}

function formatPdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

function fillPlaceholders(line: string, page: number, pages: number): string {
  return line.replaceAll("{page}", String(page)).replaceAll("{pages}", String(pages));
}

function textLine(x: number, y: number, size: number, text: string): string {
  return `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm (${encodePdfLiteral(text)}) Tj ET`;
}

function buildContent(lines: string[], pageNumber: number, pageCount: number, options: SimplePdfOptions): string {
  const size = options.fontSize ?? 11;
  const leading = Math.round(size * 1.4);
  const ops: string[] = [];
  (options.header ?? []).forEach((line, i) => {
    ops.push(textLine(MARGIN_X, HEADER_Y - i * leading, size, fillPlaceholders(line, pageNumber, pageCount)));
  });
  lines.forEach((line, i) => {
    if (line !== "") ops.push(textLine(MARGIN_X, BODY_TOP_Y - i * leading, size, line));
  });
  const footer = options.footer ?? [];
  footer.forEach((line, i) => {
    const y = FOOTER_Y + (footer.length - 1 - i) * leading;
    ops.push(textLine(MARGIN_X, y, size, fillPlaceholders(line, pageNumber, pageCount)));
  });
  return `${ops.join("\n")}\n`;
}

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

function fromLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

/** A text string of the info dictionary: literal when plain, hex of the encrypted bytes when not. */
function infoString(value: string, security: PdfSecurity | null): string {
  const literal = encodePdfLiteral(value);
  if (security === null) return `(${literal})`;
  // Undo the escaping: encrypted strings carry raw bytes.
  const raw = literal.replace(/\\([0-7]{3}|.)/g, (_, escaped: string) =>
    escaped.length === 3 ? String.fromCharCode(Number.parseInt(escaped, 8)) : escaped,
  );
  return `<${Buffer.from(security.encrypt(INFO_ID, latin1(raw))).toString("hex")}>`;
}

const INFO_ID = 4;

/** Builds a PDF with one page per array of lines; pdf-parse (pdf.js) reads the text back line by line. */
export function writeSimplePdf(pages: string[][], options: SimplePdfOptions = {}): Uint8Array {
  const security = options.userPassword === undefined ? null : createPdfSecurity(options.userPassword);
  const pageCount = pages.length;
  // Object numbers: 1 catalog, 2 pages, 3 font, 4 info, then per page its page object and its
  // content, then the encryption dictionary when there is one.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageCount} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const info: string[] = [`/Producer ${infoString("baton write-simple-pdf", security)}`];
  if (options.title !== undefined) info.push(`/Title ${infoString(options.title, security)}`);
  if (options.author !== undefined) info.push(`/Author ${infoString(options.author, security)}`);
  if (options.creationDate !== undefined) {
    info.push(`/CreationDate ${infoString(formatPdfDate(options.creationDate), security)}`);
  }
  objects[INFO_ID] = `<< ${info.join(" ")} >>`;
  pages.forEach((lines, i) => {
    const pageId = pageIds[i] as number;
    const plain = buildContent(lines, i + 1, pageCount, options);
    // Content is ASCII (encodePdfLiteral escapes the rest) and latin1 after encryption, so the
    // string's length is its byte length.
    const content = security === null ? plain : fromLatin1(security.encrypt(pageId + 1, latin1(plain)));
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  const encryptId = objects.length;
  if (security !== null) objects[encryptId] = security.encryptDictionary;

  const encryption = security === null ? "" : ` /Encrypt ${encryptId} 0 R ${security.idEntry}`;
  return assemblePdf(objects, `/Info ${INFO_ID} 0 R${encryption}`);
}

/**
 * Writes numbered objects (index = object number, 1 = catalog; each a latin1 string) with the
 * cross-reference table and trailer. Exported for tests that need unusual PDFs.
 */
export function assemblePdf(objects: string[], trailerEntries = ""): Uint8Array {
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefOffset = body.length;
  const count = objects.length;
  body += `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let id = 1; id < count; id++) body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${count} /Root 1 0 R ${trailerEntries} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every char of body is below 0x100, so offsets counted in chars are byte offsets.
  return latin1(body);
}
