import { type Html, html } from "../html.ts";

/** "12/138 reviewed" with a bar; the text carries the meaning, so the bar is hidden from screen readers. */
export function renderProgress(done: number, total: number, label: string): Html {
  return html`<span class="progress"><progress value="${done}" max="${Math.max(total, 1)}" aria-hidden="true"></progress><span class="progress-text">${done}/${total} ${label}</span></span>`;
}
