import { type Html, html, joinHtml } from "../html.ts";

export type Column = { label: string; value: number; text: string };

const COLUMN = 54;
const PLOT_HEIGHT = 120;
const TOP = 22;
const AXIS = 34;
const LEFT = 46;
// A few weeks are not blown up to the card's width: the text keeps its size next to the other charts'.
const MIN_WIDTH = 430;

/**
 * Vertical columns over time as SVG, drawn on the server like the bar charts: an image with a title and a description
 * holding every figure, values from 0 to `max` with gridlines at 0, half and full.
 */
export function renderColumnChart(options: { id: string; title: string; description: string; columns: Column[]; max: number }): Html {
  const { columns, max } = options;
  const width = Math.max(MIN_WIDTH, LEFT + columns.length * COLUMN + 8);
  const height = TOP + PLOT_HEIGHT + AXIS;
  const baseline = TOP + PLOT_HEIGHT;
  const grid = [0, 0.5, 1].map((share) => {
    const y = baseline - share * PLOT_HEIGHT;
    return html`<line x1="${LEFT}" x2="${width - 4}" y1="${y}" y2="${y}" class="chart-grid-line"></line>
<text x="${LEFT - 6}" y="${y + 4}" text-anchor="end" class="chart-axis">${Math.round(share * 100)}%</text>`;
  });
  const bars = columns.map((column, index) => {
    const x = LEFT + index * COLUMN + 8;
    const barHeight = max <= 0 ? 0 : Math.round((Math.max(0, Math.min(column.value, max)) / max) * PLOT_HEIGHT);
    return html`<g>
  <rect x="${x}" y="${baseline - barHeight}" width="${COLUMN - 16}" height="${barHeight}" class="chart-bar" rx="2"></rect>
  <text x="${x + (COLUMN - 16) / 2}" y="${baseline - barHeight - 6}" text-anchor="middle" class="chart-value">${column.text}</text>
  <text x="${x + (COLUMN - 16) / 2}" y="${baseline + 18}" text-anchor="middle" class="chart-axis">${column.label}</text>
</g>`;
  });
  return html`<svg class="chart chart-columns" id="${options.id}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" preserveAspectRatio="xMinYMin meet">
<title id="${options.id}-title">${options.title}</title>
<desc id="${options.id}-desc">${options.description}</desc>
${joinHtml(grid)}
${joinHtml(bars)}
</svg>`;
}
