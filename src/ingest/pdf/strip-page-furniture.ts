// How many lines at each edge of a page may be header or footer.
const EDGE_LINES = 3;

// "3", "- 3 -", "(3)", "Page 3", "Page 3 of 12", "3 / 12", "3 of 12"
const PAGE_NUMBER_ONLY = /^(?:page\s*\d{1,5}(?:\s*(?:of|\/)\s*\d{1,5})?|[-–—([]?\s*\d{1,3}\s*[-–—)\]]?|\d{1,5}\s*(?:of|\/)\s*\d{1,5})$/i;

/** Splits one page's extracted text into trimmed, non-empty lines with single spaces. */
export function splitPageLines(pageText: string): string[] {
  const lines: string[] = [];
  for (const raw of pageText.split("\n")) {
    // Tabs are pdf-parse's column gaps; control characters are unmapped glyphs.
    const line = raw.replace(/[\p{Cc}\s]+/gu, " ").trim();
    if (line !== "") lines.push(line);
  }
  return lines;
}

/** The comparison key of a header or footer line: page numbers and dates vary from page to page. */
function furnitureKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, "#");
}

function countEdgeKeys(pages: string[][], edge: "top" | "bottom"): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const window = edge === "top" ? lines.slice(0, EDGE_LINES) : lines.slice(-EDGE_LINES);
    for (const key of new Set(window.map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Drops running headers and footers: lines within the top or bottom EDGE_LINES of a page that recur
 * (digits ignored) at that edge on at least half the pages, and bare page numbers at either edge.
 * Only lines at the very edge are removed, so body text that repeats a header stays.
 */
export function stripPageFurniture(pages: string[][]): string[][] {
  const threshold = pages.length >= 2 ? Math.max(2, Math.ceil(pages.length / 2)) : Number.POSITIVE_INFINITY;
  const top = countEdgeKeys(pages, "top");
  const bottom = countEdgeKeys(pages, "bottom");
  const isFurniture = (line: string, counts: Map<string, number>) =>
    PAGE_NUMBER_ONLY.test(line) || (counts.get(furnitureKey(line)) ?? 0) >= threshold;
  return pages.map((lines) => {
    let start = 0;
    while (start < Math.min(EDGE_LINES, lines.length) && isFurniture(lines[start] as string, top)) start++;
    let end = lines.length;
    const bottomLimit = Math.max(start, lines.length - EDGE_LINES);
    while (end > bottomLimit && isFurniture(lines[end - 1] as string, bottom)) end--;
    return lines.slice(start, end);
  });
}
