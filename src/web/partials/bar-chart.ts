import { type Html, html, joinHtml } from "../html.ts";

export type Bar = { label: string; value: number; text: string };

const ROW = 30;
/** A row whose label wraps onto a second line. */
const TALL_ROW = 46;
const LINE_HEIGHT = 17;
const LABEL_WIDTH = 160;
const BAR_WIDTH = 200;
const TEXT_WIDTH = 80;
/** Characters of a label line that fit LABEL_WIDTH at the chart's font size. */
const LABEL_LINE_CHARS = 19;
const LABEL_LINES = 2;

/**
 * A horizontal bar chart as SVG, drawn on the server (no script, no library). The chart is an image with a title
 * and a description; the same figures are in a table beside it for screen readers and for copying. A long label
 * wraps onto a second line; one longer still ends in "…" and keeps its whole text as a tooltip.
 */
export function renderBarChart(options: { id: string; title: string; description: string; bars: Bar[]; max: number }): Html {
  const { bars, max } = options;
  const labels = bars.map((bar) => wrapLabel(bar.label, LABEL_LINE_CHARS, LABEL_LINES));
  const row = labels.some((lines) => lines.length > 1) ? TALL_ROW : ROW;
  const height = Math.max(1, bars.length) * row + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  const rows = bars.map((bar, index) => {
    const lines = labels[index]!;
    const middle = index * row + 4 + row / 2;
    const length = max <= 0 ? 0 : Math.round((Math.max(0, bar.value) / max) * BAR_WIDTH);
    const firstLineY = middle + 5 - ((lines.length - 1) * LINE_HEIGHT) / 2;
    const tspans = lines.map((line, n) => html`<tspan x="${LABEL_WIDTH - 8}" y="${firstLineY + n * LINE_HEIGHT}">${line}</tspan>`);
    const shortened = lines.join(" ") !== bar.label;
    return html`<g>
  <text text-anchor="end" class="chart-label">${shortened ? html`<title>${bar.label}</title>` : ""}${joinHtml(tspans)}</text>
  <rect x="${LABEL_WIDTH}" y="${middle - 9}" width="${BAR_WIDTH}" height="18" class="chart-track" rx="3"></rect>
  <rect x="${LABEL_WIDTH}" y="${middle - 9}" width="${length}" height="18" class="chart-bar" rx="3"></rect>
  <text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${middle + 5}" class="chart-value">${bar.text}</text>
</g>`;
  });
  return html`<svg class="chart" id="${options.id}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" preserveAspectRatio="xMinYMin meet">
<title id="${options.id}-title">${options.title}</title>
<desc id="${options.id}-desc">${options.description}</desc>
${joinHtml(rows)}
</svg>`;
}

/** Splits a label at spaces into at most `maxLines` lines of `width` characters; what does not fit ends in "…". */
export function wrapLabel(label: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const joined = current === "" ? word : `${current} ${word}`;
    if (joined.length <= width) {
      current = joined;
      continue;
    }
    if (current !== "") lines.push(current);
    current = word;
  }
  if (current !== "") lines.push(current);
  if (lines.length === 0) return [""];
  const kept = lines.slice(0, maxLines).map((line) => (line.length <= width ? line : `${line.slice(0, width - 1)}…`));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`;
  }
  return kept;
}
