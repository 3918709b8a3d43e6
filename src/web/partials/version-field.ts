import { type Html, html } from "../html.ts";

/** Name of the hidden field of a review form: the version of the item or gap answer the page was rendered from. */
export const VERSION_FIELD = "version";

/** The hidden field that makes a form's write conditional: saved only if nobody changed the object since. */
export function renderVersionField(version: number): Html {
  return html`<input type="hidden" name="${VERSION_FIELD}" value="${String(version)}">`;
}
