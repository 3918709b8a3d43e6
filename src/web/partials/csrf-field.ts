import { type Html, html } from "../html.ts";
import { CSRF_FIELD } from "../session/check-csrf.ts";

/** The hidden field every form of the pages carries: the session's form token. */
export function renderCsrfField(csrfToken: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">`;
}
