import { type Html, html, joinHtml } from "../html.ts";

export type Bar = { label: string; value: number; text: string };

const ROW = 30;
const LABEL_WIDTH = 160;
const BAR_WIDTH = 200;
const TEXT_WIDTH = 80;

/**
 * A horizontal bar chart as SVG, drawn on the server (no script, no library). The chart is an image with a title
 * and a description; the same figures are in a table beside it for screen readers and for copying.
 */
export function renderBarChart(options: { id: string; title: string; description: string; bars: Bar[]; max: number }): Html {
  const { bars, max } = options;
  const height = Math.max(1, bars.length) * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + TEXT_WIDTH;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 4;
    const length = max <= 0 ? 0 : Math.round((Math.max(0, bar.value) / max) * BAR_WIDTH);
    return html`<g>
  <text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="chart-label">${truncate(bar.label, 18)}</text>
  <rect x="${LABEL_WIDTH}" y="${y + 4}" width="${BAR_WIDTH}" height="18" class="chart-track" rx="3"></rect>
  <rect x="${LABEL_WIDTH}" y="${y + 4}" width="${length}" height="18" class="chart-bar" rx="3"></rect>
  <text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + 17}" class="chart-value">${bar.text}</text>
</g>`;
  });
  return html`<svg class="chart" id="${options.id}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" preserveAspectRatio="xMinYMin meet">
<title id="${options.id}-title">${options.title}</title>
<desc id="${options.id}-desc">${options.description}</desc>
${joinHtml(rows)}
</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
