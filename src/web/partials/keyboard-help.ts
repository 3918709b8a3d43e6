import { EMPTY, type Html, html } from "../html.ts";

/** The list of shortcuts `?` opens (a modal dialog; Escape or its button closes it). */
export function renderKeyboardHelp(canEdit: boolean): Html {
  const rows: [string, string][] = [
    ["j", "Next item"],
    ["k", "Previous item"],
    ["o", "Open the current item's source beside the draft"],
    ...(canEdit
      ? ([
          ["a", "Approve the current item"],
          ["r", "Reject the current item"],
          ["e", "Edit the current item (Escape cancels)"],
        ] as [string, string][])
      : []),
    ["Esc", "Close the source or this list"],
    ["?", "Show this list"],
  ];
  return html`<dialog class="keyboard-help" id="keyboard-help" aria-labelledby="keyboard-help-title">
  <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
  <dl>${rows.map(([key, text]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${text}</dd></div>`)}</dl>
  ${canEdit ? html`<p class="hint">Shortcuts act on the highlighted item; they wait while you type in a field.</p>` : EMPTY}
  <form method="dialog"><button type="submit" class="button button-small">Close</button></form>
</dialog>`;
}
