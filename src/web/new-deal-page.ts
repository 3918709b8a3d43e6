import type { User } from "../domain/user.ts";
import { EMPTY, type Html, html, joinHtml } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderCsrfField } from "./partials/csrf-field.ts";

export type NewDealValues = { account: string; closeDate: string; amount: string; currency: string; csmId: string };

export type NewDealView = {
  user: User;
  csrfToken: string;
  /** The CSMs a deal can be handed to. */
  csms: Pick<User, "id" | "name" | "email">[];
  values: NewDealValues;
  error?: string;
};

export const EMPTY_DEAL_VALUES: NewDealValues = { account: "", closeDate: "", amount: "", currency: "USD", csmId: "" };

/** The AE's form for a newly closed deal: the account, the close date, the value and the CSM it goes to. */
export function renderNewDealPage(view: NewDealView): Html {
  const { values } = view;
  const options = joinHtml(
    view.csms.map(
      (csm) => html`<option value="${csm.id}" ${csm.id === values.csmId ? "selected" : ""}>${csm.name} (${csm.email})</option>`,
    ),
  );
  const body = html`<div class="page-head"><h1>New deal</h1>
  <p class="muted">A closed deal to hand over: add its calls, emails and order form on the next page.</p></div>
  ${view.error ? html`<p class="form-error" id="deal-error" role="alert">${view.error}</p>` : EMPTY}
  <form method="post" action="/deals" class="stack">
    ${renderCsrfField(view.csrfToken)}
    <div class="field">
      <label for="account">Account</label>
      <input id="account" name="account" required maxlength="200" value="${values.account}" autocomplete="organization"
        ${view.error ? html`aria-describedby="deal-error"` : EMPTY}>
    </div>
    <div class="field">
      <label for="closeDate">Close date</label>
      <input id="closeDate" name="closeDate" type="date" value="${values.closeDate}">
    </div>
    <div class="field">
      <label for="amount">Contract value <span class="muted">(optional)</span></label>
      <input id="amount" name="amount" inputmode="decimal" value="${values.amount}" aria-describedby="amount-help">
      <p class="hint" id="amount-help">A number, such as 77040.</p>
    </div>
    <div class="field">
      <label for="currency">Currency</label>
      <input id="currency" name="currency" maxlength="3" value="${values.currency}" aria-describedby="currency-help">
      <p class="hint" id="currency-help">An ISO 4217 code: USD, EUR, GBP…</p>
    </div>
    <div class="field">
      <label for="csmId">Customer success manager</label>
      <select id="csmId" name="csmId"><option value="">Not assigned yet</option>${options}</select>
    </div>
    <button type="submit" class="button button-primary">Create the deal</button>
  </form>`;
  return renderPage({
    title: "New deal",
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    crumbs: [{ label: "Deals", href: "/deals" }, { label: "New deal" }],
    width: "narrow",
  });
}
