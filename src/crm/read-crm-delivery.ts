import { AppError } from "../errors.ts";
import type { CrmDelivery } from "./crm-deal-event.ts";
import { readHubspotDelivery } from "./read-hubspot-delivery.ts";
import { readSalesforceDelivery } from "./read-salesforce-delivery.ts";

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const XML_TYPE = /^(text\/xml|application\/([\w.-]+\+)?xml)$/i;

/** The shape of a webhook body by its Content-Type: HubSpot's JSON events or a Salesforce SOAP outbound message. */
export function readCrmDelivery(contentType: string | undefined, body: Uint8Array): CrmDelivery {
  const mediaType = (contentType ?? "").split(";")[0]!.trim();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "body: not valid UTF-8" });
  }
  if (JSON_TYPE.test(mediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError({ code: "INVALID_INPUT", message: "body is not valid JSON" });
    }
    return readHubspotDelivery(parsed);
  }
  if (XML_TYPE.test(mediaType)) return readSalesforceDelivery(text);
  throw new AppError({
    code: "UNSUPPORTED_FORMAT",
    message: "CRM webhook: send HubSpot events as application/json or a Salesforce outbound message as text/xml",
  });
}
