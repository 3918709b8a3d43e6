import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { CSRF_FIELD } from "./session/check-csrf.ts";

export type SignInView = {
  formToken: string;
  /** Where to go after signing in (a path of this site). */
  next: string | null;
  error?: string;
  notice?: string;
};

/** The sign-in form: the reader pastes the API token `baton users add` printed for them. */
export function renderSignInPage(view: SignInView): Html {
  const body = html`<div class="sign-in">
  <h1>Sign in to Baton</h1>
  ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : EMPTY}
  ${view.error ? html`<p class="form-error" id="token-error" role="alert">${view.error}</p>` : EMPTY}
  <form method="post" action="/sign-in" class="stack">
    <input type="hidden" name="${CSRF_FIELD}" value="${view.formToken}">
    ${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : EMPTY}
    <div class="field">
      <label for="token">Access token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false"
        ${view.error ? html`aria-invalid="true" aria-describedby="token-error token-help"` : html`aria-describedby="token-help"`} autofocus>
      <p class="hint" id="token-help">The token <code>npx baton users add</code> printed for you (it starts with <code>baton_</code>). Ask your Baton administrator if you have none.</p>
    </div>
    <button type="submit" class="button button-primary">Sign in</button>
  </form>
  ${view.next ? html`<p class="muted">Already signed in in this browser? <a href="${view.next}">Continue</a></p>` : EMPTY}
</div>`;
  return renderPage({ title: "Sign in", body, width: "narrow" });
}
