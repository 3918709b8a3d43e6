import { AppError } from "../errors.ts";
import { type CrmDelivery, toAmount, toCloseDate, toCrmDealEvent } from "./crm-deal-event.ts";

/** HubSpot sends up to 100 events in one request. */
export const MAX_HUBSPOT_EVENTS = 100;

const CLOSED_WON = "closedwon";

/**
 * Reads HubSpot's webhook body: one event or an array of them (`eventId`, `objectId`, `subscriptionType`,
 * `propertyName`, `propertyValue`, `occurredAt`…), each with the deal's `properties` (plain values or HubSpot's
 * `{ "value": … }` objects). A deal event is closed-won when its dealstage change, its dealstage or its
 * hs_is_closed_won property says so; other events are acknowledged and ignored. Which properties are read is in the README.
 */
export function readHubspotDelivery(body: unknown): CrmDelivery {
  const events = Array.isArray(body) ? body : [body];
  if (events.length === 0 || events.length > MAX_HUBSPOT_EVENTS) {
    throw new AppError({ code: "INVALID_INPUT", message: `expected 1 to ${MAX_HUBSPOT_EVENTS} HubSpot events` });
  }
  const delivery: CrmDelivery = { crm: "hubspot", events: [] };
  for (const [index, event] of events.entries()) {
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      throw new AppError({ code: "INVALID_INPUT", message: `event ${index}: expected an object` });
    }
    const fields = event as Record<string, unknown>;
    const eventId = idText(fields.eventId);
    if (eventId === undefined) throw new AppError({ code: "INVALID_INPUT", message: `event ${index}: eventId is required` });
    const properties = readProperties(fields.properties);
    const type = typeof fields.subscriptionType === "string" ? fields.subscriptionType : "";
    if (!type.startsWith("deal.")) {
      delivery.events.push({ eventId, ignored: `not a deal event (${type || "no subscriptionType"})` });
      continue;
    }
    const wonNow = fields.propertyName === "dealstage" && fields.propertyValue === CLOSED_WON;
    if (!wonNow && properties.dealstage !== CLOSED_WON && properties.hs_is_closed_won !== "true") {
      delivery.events.push({ eventId, ignored: "the deal is not closed-won" });
      continue;
    }
    delivery.events.push(
      toCrmDealEvent({
        crm: "hubspot",
        eventId,
        crmDealId: idText(fields.objectId),
        account: properties.account_name ?? properties.dealname,
        closeDate: toCloseDate(properties.closedate),
        amount: toAmount(properties.amount),
        currency: properties.deal_currency_code,
        aeEmail: properties.ae_email,
        csmEmail: properties.csm_email,
      }),
    );
  }
  return delivery;
}

/** HubSpot property values as strings, from plain values or `{ value }` objects. */
function readProperties(value: unknown): Record<string, string | undefined> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const properties: Record<string, string | undefined> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const inner = raw !== null && typeof raw === "object" && "value" in raw ? (raw as { value: unknown }).value : raw;
    properties[key] = inner === null || inner === undefined ? undefined : String(inner);
  }
  return properties;
}

function idText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
