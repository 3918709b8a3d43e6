import type { IngestLimits } from "../../config.ts";
import { AppError } from "../../errors.ts";

// postal-mime spends several microseconds per line whatever its length, so a message of
// millions of empty lines would outlast the parse budget inside one call that cannot be
// interrupted: such a message is refused up front instead.
const LINES_PER_MS = 50;
const MIN_LINE_BUDGET = 100_000;

type OpenMultipart = { boundary: string; depth: number };

function limitError(what: string, limit: number, name: string): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `email has ${what} than ${limit} (limit ${name})`,
    context: { limit },
  });
}

function readBoundary(contentType: string): string | null {
  if (!/^\s*multipart\//i.test(contentType)) return null;
  const match = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * Walks a message's MIME structure before the parser does, counting parts and nesting
 * (multiparts and attached messages), and throws LIMIT_EXCEEDED past mimeMaxParts or
 * mimeMaxDepth, and past the number of lines the parse time budget allows. `raw` is the message
 * read as latin1, so every byte is one character.
 */
export function checkMimeLimits(raw: string, limits: Pick<IngestLimits, "mimeMaxDepth" | "mimeMaxParts" | "parseTimeoutMs">): void {
  const maxLines = Math.max(MIN_LINE_BUDGET, limits.parseTimeoutMs * LINES_PER_MS);
  let lines = 0;
  const open: OpenMultipart[] = [];
  let inHeaders = true;
  let depth = 0;
  let parts = 1;
  let contentType = "";
  let inContentType = false;
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    if (++lines > maxLines) {
      throw limitError("more lines", maxLines, "BATON_PARSE_TIMEOUT_MS: the MIME parser reads about 50 lines per ms");
    }
    // Body lines matter only when they may be a boundary ("--…"): skip the rest without copying.
    const dashes = raw.charCodeAt(lineStart) === 45 && raw.charCodeAt(lineStart + 1) === 45;
    if (!inHeaders && (open.length === 0 || !dashes)) {
      lineStart = lineEnd + 1;
      continue;
    }
    const line = raw.slice(lineStart, raw.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;
    if (inHeaders) {
      if (line === "") {
        inHeaders = false;
        const boundary = readBoundary(contentType);
        const nested = boundary !== null || /^\s*message\/rfc822/i.test(contentType);
        if (nested && depth + 1 > limits.mimeMaxDepth) {
          throw limitError("MIME parts nested deeper", limits.mimeMaxDepth, "mimeMaxDepth");
        }
        if (boundary !== null) open.push({ boundary, depth: depth + 1 });
        else if (nested) {
          // An attached message starts with its own header block, one level down.
          inHeaders = true;
          depth++;
          parts++;
        }
        contentType = "";
      } else if (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9) {
        if (inContentType && contentType.length < 2000) contentType += line;
      } else {
        inContentType = /^content-type\s*:/i.test(line);
        if (inContentType) contentType = line.slice(line.indexOf(":") + 1);
      }
      continue;
    }
    const body = line.trimEnd();
    for (let i = open.length - 1; i >= 0; i--) {
      const entry = open[i]!;
      if (!body.startsWith(entry.boundary, 2)) continue;
      const tail = body.slice(entry.boundary.length + 2);
      if (tail === "--") {
        open.length = i;
        depth = entry.depth - 1;
      } else if (tail === "") {
        open.length = i + 1;
        parts++;
        if (parts > limits.mimeMaxParts) throw limitError("more MIME parts", limits.mimeMaxParts, "mimeMaxParts");
        depth = entry.depth;
        inHeaders = true;
        contentType = "";
        inContentType = false;
      } else continue;
      break;
    }
  }
}
