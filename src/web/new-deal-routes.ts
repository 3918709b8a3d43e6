import type { Context, Hono } from "hono";
import { z } from "zod";
import { hasCapability } from "../access/access-policy.ts";
import { DEAL_INPUT_FIELDS } from "../domain/deal.ts";
import type { AppDeps } from "../deps.ts";
import { parseInput } from "../parse-input.ts";
import { createDeal } from "../services/deal-service.ts";
import { renderErrorResponse } from "./error-page.ts";
import { EMPTY_DEAL_VALUES, type NewDealValues, renderNewDealPage } from "./new-deal-page.ts";
import { pageActor } from "./review-view.ts";
import type { WebEnv } from "./web-env.ts";
import { formGuards, readForm, runFormAction } from "./web-forms.ts";

const NewDealSchema = z.object(DEAL_INPUT_FIELDS).strict();

/** The form's text as the API's DealInput: empty fields are unset, the amount a number, the currency upper case. */
function toDealInput(values: NewDealValues): unknown {
  const amount = values.amount.replace(/[\s,]/g, "");
  return {
    account: values.account,
    closeDate: values.closeDate === "" ? null : values.closeDate,
    amount: amount === "" ? null : Number.isFinite(Number(amount)) ? Number(amount) : amount,
    currency: values.currency.trim() === "" ? null : values.currency.trim().toUpperCase(),
    csmId: values.csmId === "" ? null : values.csmId,
  };
}

/** GET /deals/new and POST /deals: an AE creates a deal from the pages, through the same service as the API. */
export function registerNewDealRoutes(routes: Hono<WebEnv>, deps: AppDeps): void {
  const csms = () => deps.users.list().filter((user) => user.role === "csm");
  const view = (c: Context<WebEnv>) => ({ user: c.get("user"), csrfToken: c.get("csrfToken"), csms: csms() });

  routes.get("/new", (c) => {
    if (!hasCapability(c.get("user"), "createDeal")) return renderErrorResponse(c, 403, "Only AEs create deals.");
    return c.html(renderNewDealPage({ ...view(c), values: EMPTY_DEAL_VALUES }));
  });

  routes.post("/", ...formGuards(deps.config.trustProxy), async (c) => {
    const form = await readForm(c);
    const values: NewDealValues = {
      account: form.account ?? "",
      closeDate: form.closeDate ?? "",
      amount: form.amount ?? "",
      currency: form.currency ?? "",
      csmId: form.csmId ?? "",
    };
    return runFormAction(
      c,
      () => {
        const deal = createDeal(deps, pageActor(c), parseInput(NewDealSchema, toDealInput(values), "deal"));
        return c.redirect(`/deals/${encodeURIComponent(deal.id)}`, 303);
      },
      (message, status) => c.html(renderNewDealPage({ ...view(c), values, error: message }), status),
    );
  });
}
