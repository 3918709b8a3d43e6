import { type Html, html } from "../html.ts";

/**
 * The side panel citation chips open: beside the draft on wide screens, a drawer over it on narrow ones.
 * The page script fills it with the source fragment; without the script, chips open the source page instead.
 */
export function renderSourcePanelShell(): Html {
  return html`<aside class="source-panel" id="source-panel" aria-labelledby="source-panel-title" data-source-panel>
  <div class="panel-head">
    <h2 id="source-panel-title" tabindex="-1">What was said</h2>
    <button type="button" class="button button-quiet button-small" data-close-panel>Close <span class="visually-hidden">the source</span></button>
  </div>
  <div class="panel-body" data-panel-body>
    <p class="panel-empty">Choose a citation chip to read the quote where it was said, highlighted in its source.</p>
  </div>
</aside>`;
}
