import { AppError } from "../../errors.ts";

/**
 * Deepest element nesting accepted in an HTML body. Mail clients nest a few levels per quoted reply, so long threads
 * stay far below it; the converter itself leaves out what lies deeper than 200 levels.
 */
export const MAX_HTML_NESTING = 1000;

// Elements that never hold others, and those HTML closes by itself (a <p> or <li> left open): they add no depth.
const NO_DEPTH = new Set(
  (
    "area base br col embed hr img input link meta param source track wbr " +
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp"
  ).split(" "),
);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);

// A start or end tag's name, read where a "<" stands.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;

/**
 * Refuses HTML nested deeper than MAX_HTML_NESTING elements (LIMIT_EXCEEDED) in one linear pass over the tags, before
 * an HTML parser builds a tree of it. Comments and the content of script, style, textarea and title are skipped.
 */
export function checkHtmlNesting(html: string): void {
  let depth = 0;
  let at = html.indexOf("<");
  while (at !== -1) {
    const next = readTag(html, at);
    if (next.opens) {
      if (++depth > MAX_HTML_NESTING) {
        throw new AppError({
          code: "LIMIT_EXCEEDED",
          message: `HTML nested deeper than ${MAX_HTML_NESTING} elements (limit: HTML nesting depth ${MAX_HTML_NESTING})`,
          context: { limit: MAX_HTML_NESTING },
        });
      }
    } else if (next.closes) depth = Math.max(0, depth - 1);
    at = next.end >= html.length ? -1 : html.indexOf("<", next.end);
  }
}

/** What the markup at `at` (a "<") does to the depth, and where the scan goes on. */
function readTag(html: string, at: number): { opens: boolean; closes: boolean; end: number } {
  if (html.startsWith("<!--", at)) return skipTo(html, "-->", at + 4);
  TAG.lastIndex = at;
  const tag = TAG.exec(html);
  const close = html.indexOf(">", at + 1);
  if (tag === null || close === -1) return { opens: false, closes: false, end: close === -1 ? html.length : at + 1 };
  const name = tag[2]!.toLowerCase();
  const counted = !NO_DEPTH.has(name) && html.charCodeAt(close - 1) !== 47; /* "/>" closes itself */
  if (tag[1] === "/") return { opens: false, closes: counted, end: close + 1 };
  // The text of a script or style may hold anything that looks like tags: the scan resumes at its end tag.
  if (RAW_TEXT.has(name)) {
    const endTag = new RegExp(`</${name}`, "ig");
    endTag.lastIndex = close + 1;
    const found = endTag.exec(html);
    return { opens: counted, closes: false, end: found === null ? html.length : found.index };
  }
  return { opens: counted, closes: false, end: close + 1 };
}

function skipTo(html: string, marker: string, from: number): { opens: false; closes: false; end: number } {
  const found = html.indexOf(marker, from);
  return { opens: false, closes: false, end: found === -1 ? html.length : found + marker.length };
}
