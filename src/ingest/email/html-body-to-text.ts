import type { FormatCallback, HtmlNode } from "html-to-text";
import { checkHtmlNesting } from "./check-html-nesting.ts";

const MAX_DATA_TABLE_COLUMNS = 12;
// html-to-text lays a data table out in time that grows faster than its size: big ones read as blocks.
const MAX_DATA_TABLE_ROWS = 200;
// Deeper elements are left out rather than overflowing the converter's recursion.
const MAX_HTML_DEPTH = 200;
const MAX_LINK_LENGTH = 200;

/** Rows of a table; a nested table (or deep markup) means a layout table, which is not searched further. */
function tableShape(table: HtmlNode): { rows: number; columns: number; nested: boolean } {
  const shape = { rows: 0, columns: 0, nested: false };
  const visit = (node: HtmlNode, depth: number) => {
    for (const child of node.children ?? []) {
      if (child.name === "table" || depth > 8) shape.nested = true;
      else if (child.name === "tr") {
        shape.rows++;
        const cells = (child.children ?? []).filter((c) => c.name === "td" || c.name === "th").length;
        shape.columns = Math.max(shape.columns, cells);
      } else visit(child, depth + 1);
    }
  };
  visit(table, 0);
  return shape;
}

// Email HTML uses tables for layout far more than for data: only a flat grid of a few
// columns is drawn as a table; a layout table reads as its cells one after another.
const formatEmailTable: FormatCallback = (elem, walk, builder, options) => {
  const shape = tableShape(elem);
  const grid =
    !shape.nested && shape.rows >= 2 && shape.rows <= MAX_DATA_TABLE_ROWS && shape.columns >= 2 && shape.columns <= MAX_DATA_TABLE_COLUMNS;
  const format = builder.options.formatters[grid ? "dataTable" : "block"];
  format?.(elem, walk, builder, grid ? { ...options, uppercaseHeaderCells: false, maxColumnWidth: 60 } : options);
};

/** Keeps web and mail addresses of links as text; drops tracking-length URLs and other schemes. */
function keepReadableHref(href: string): string {
  if (href.length > MAX_LINK_LENGTH) return "";
  if (/^https?:\/\//i.test(href)) return href;
  return /^[^\s:/]+@[^\s/]+$/.test(href) ? href : "";
}

// html-to-text and its compiled selectors cost more to load than most emails take to parse, and only HTML bodies
// need them: loaded and built on the first one.
let converter: Promise<(html: string) => string> | undefined;

async function loadConverter(): Promise<(html: string) => string> {
  const { compile } = await import("html-to-text");
  return compile({
    wordwrap: false,
    limits: { maxInputLength: 64 * 1024 * 1024, maxDepth: MAX_HTML_DEPTH },
    formatters: { emailTable: formatEmailTable },
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "title", format: "skip" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true, pathRewrite: keepReadableHref } },
      { selector: "table", format: "emailTable" },
      ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
      // Quotes keep their "> " markers so the thread splitter sees them as quoted history; Gmail's
      // indent button also makes blockquotes, but without a border, and those stay plain blocks.
      { selector: "blockquote", format: "blockquote", options: { trimEmptyLines: true } },
      { selector: 'blockquote[style*="border:none"]', format: "block" },
      { selector: 'blockquote[style*="border: none"]', format: "block" },
      // Signatures that clients label as such.
      { selector: "div.gmail_signature", format: "skip" },
      { selector: 'div[data-smartmail="gmail_signature"]', format: "skip" },
      { selector: "div#Signature", format: "skip" },
    ],
  });
}

/**
 * Turns an HTML email body into plain text: links as their text (web and mail addresses kept in
 * brackets), images dropped, data tables as aligned columns, quotes marked with "> ". HTML nested deeper than
 * MAX_HTML_NESTING is refused before it is parsed.
 */
export async function htmlBodyToText(html: string): Promise<string> {
  checkHtmlNesting(html);
  converter ??= loadConverter();
  return (await converter)(html)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
