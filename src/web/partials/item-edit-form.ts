import { EDITABLE_DETAILS, isEditableSection, type STAKEHOLDER_ROLES, type STANCES } from "../../domain/editable-details.ts";
import { SECTION_KEYS, SECTIONS } from "../../domain/sections.ts";
import type { StoredItem } from "../../domain/stored-item.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderCsrfField } from "./csrf-field.ts";
import { renderVersionField } from "./version-field.ts";

/** Form field names of the details: "detail.role", read back by the review action route. */
export const DETAIL_FIELD_PREFIX = "detail.";

export const ROLE_LABELS: Record<(typeof STAKEHOLDER_ROLES)[number], string> = {
  economicBuyer: "Economic buyer",
  champion: "Champion",
  decisionMaker: "Decision maker",
  technicalContact: "Technical contact",
  executiveSponsor: "Executive sponsor",
  endUser: "End user",
  blocker: "Blocker",
  other: "Other",
};

export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = {
  supportive: "Supportive",
  neutral: "Neutral",
  skeptical: "Skeptical",
  unknown: "Unknown",
};

const DETAIL_LABELS: Record<string, string> = {
  role: "Role",
  stance: "Stance",
  title: "Title",
  email: "Email",
  promisedBy: "Owner (who promised)",
  owner: "Owner",
  dueDate: "Due date",
};

/**
 * The edit form under an item card: statement, section, and the structured details its section allows. Hidden
 * until its Edit link targets it (CSS :target without the script; the script toggles it and focuses the statement).
 */
export function renderEditForm(item: StoredItem, dealId: string, csrfToken: string): Html {
  const id = item.id;
  const action = `/deals/${encodeURIComponent(dealId)}/review/items/${encodeURIComponent(id)}`;
  return html`<form method="post" action="${action}" class="edit-form" id="edit-${id}" data-review-form data-edit-form aria-label="Edit this item">
  ${renderCsrfField(csrfToken)}${renderVersionField(item.version)}
  <div class="field">
    <label for="statement-input-${id}">Statement</label>
    <textarea id="statement-input-${id}" name="statement" rows="3" maxlength="1000" required>${item.statement}</textarea>
  </div>
  <div class="edit-grid">
    <div class="field">
      <label for="section-input-${id}">Section</label>
      <select id="section-input-${id}" name="section">${SECTION_KEYS.map(
        (key) => html`<option value="${key}"${key === item.section ? html` selected` : EMPTY}>${SECTIONS[key].title}</option>`,
      )}</select>
    </div>
    ${renderDetailFields(item)}
  </div>
  <p class="hint">Saving keeps the extractor's words for the record; the item counts as approved in your words.</p>
  <div class="form-actions">
    <button type="submit" class="button button-primary button-small">Save</button>
    <a class="button button-small button-quiet" href="#item-${id}" data-cancel-edit>Cancel</a>
  </div>
</form>`;
}

function renderDetailFields(item: StoredItem): Html {
  if (!isEditableSection(item.section)) return EMPTY;
  const details = item.details ?? {};
  return html`${Object.keys(EDITABLE_DETAILS[item.section]).map((key) => {
    const fieldId = `detail-${key}-${item.id}`;
    const name = `${DETAIL_FIELD_PREFIX}${key}`;
    const value = typeof details[key] === "string" ? (details[key] as string) : "";
    const label = html`<label for="${fieldId}">${DETAIL_LABELS[key] ?? key}</label>`;
    if (key === "role" || key === "stance") {
      const labels: Record<string, string> = key === "role" ? ROLE_LABELS : STANCE_LABELS;
      return html`<div class="field">${label}<select id="${fieldId}" name="${name}"><option value="">Not stated</option>${Object.entries(
        labels,
      ).map(
        ([option, text]) => html`<option value="${option}"${option === value ? html` selected` : EMPTY}>${text}</option>`,
      )}</select></div>`;
    }
    const type = key === "email" ? "email" : key === "dueDate" ? "date" : "text";
    return html`<div class="field">${label}<input id="${fieldId}" name="${name}" type="${type}" value="${value}"${
      type === "text" ? html` maxlength="120"` : EMPTY
    }></div>`;
  })}`;
}
