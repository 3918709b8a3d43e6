import type { DraftSource } from "../../domain/draft.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../../domain/sections.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderCsrfField } from "./csrf-field.ts";

export type AddItemInput = { section?: SectionKey | undefined; statement?: string; quote?: string; sourceId?: string };

/**
 * A fact the sources lack, added by the AE: marked as the AE's word. An optional quote is checked against the
 * deal's sources as the AE types (the page script asks the read-only check) and becomes the citation when found.
 */
export function renderAddItemForm(
  dealId: string,
  csrfToken: string,
  sources: DraftSource[],
  input: AddItemInput | undefined,
  message: string | undefined,
): Html {
  return html`<section class="draft-section add-item" id="add-item" aria-labelledby="add-item-heading">
  <h2 id="add-item-heading">Add an item the sources lack</h2>
  <p class="hint">It is marked as added by you. Give a quote and Baton looks for it in the deal's sources: found, it becomes the citation.</p>
  <form method="post" action="/deals/${dealId}/review/items" class="add-item-form" data-add-item-form data-quote-check-url="/deals/${dealId}/review/quote-check">
    ${renderCsrfField(csrfToken)}
    <div class="edit-grid">
      <div class="field">
        <label for="add-section">Section</label>
        <select id="add-section" name="section">${SECTION_KEYS.map(
          (key) => html`<option value="${key}"${key === input?.section ? html` selected` : EMPTY}>${SECTIONS[key].title}</option>`,
        )}</select>
      </div>
      <div class="field">
        <label for="add-source">Where the quote is <span class="subtle">(optional)</span></label>
        <select id="add-source" name="sourceId"><option value="">Any source of the deal</option>${sources.map(
          (source) =>
            html`<option value="${source.id}"${source.id === input?.sourceId ? html` selected` : EMPTY}>${source.filename}</option>`,
        )}</select>
      </div>
    </div>
    <div class="field">
      <label for="add-statement">Statement</label>
      <textarea id="add-statement" name="statement" rows="2" maxlength="1000" required>${input?.statement ?? ""}</textarea>
    </div>
    <div class="field">
      <label for="add-quote">Quote from a source <span class="subtle">(optional)</span></label>
      <textarea id="add-quote" name="quote" rows="2" maxlength="2000" aria-describedby="add-quote-check">${input?.quote ?? ""}</textarea>
      <p class="quote-check" id="add-quote-check" role="status" data-quote-check>Checked against the sources as you type.</p>
    </div>
    <p class="item-message" role="alert"${message ? EMPTY : html` hidden`}>${message ?? ""}</p>
    <div class="form-actions"><button type="submit" class="button button-primary button-small">Add the item</button></div>
  </form>
</section>`;
}
