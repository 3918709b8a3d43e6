import { XMLParser } from "fast-xml-parser";
import { AppError } from "../errors.ts";
import { type CrmDelivery, toAmount, toCloseDate, toCrmDealEvent } from "./crm-deal-event.ts";

/** Salesforce sends up to 100 notifications in one outbound message. */
export const MAX_SALESFORCE_NOTIFICATIONS = 100;

// Namespace prefixes dropped (soapenv:, sf:), every value kept as text, Notification always a list.
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === "Notification",
});

/**
 * Reads a Salesforce outbound message (SOAP `notifications` of Opportunity sObjects). The notification Id is the
 * event id (Salesforce repeats it on redelivery); an opportunity is closed-won when IsWon is true or its StageName is
 * "Closed Won". Which sObject fields are read is in the README.
 */
export function readSalesforceDelivery(xml: string): CrmDelivery {
  // SOAP forbids a DTD; refusing it up front leaves no room for entity expansion.
  if (/<!DOCTYPE/i.test(xml)) throw new AppError({ code: "INVALID_INPUT", message: "Salesforce message: a DOCTYPE is not allowed" });
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "Salesforce message: body is not well-formed XML" });
  }
  const notifications = path(document, ["Envelope", "Body", "notifications"]);
  const list = notifications === undefined ? undefined : path(notifications, ["Notification"]);
  if (!Array.isArray(list) || list.length === 0) {
    throw new AppError({ code: "INVALID_INPUT", message: "Salesforce message: expected a SOAP Envelope with notifications/Notification" });
  }
  if (list.length > MAX_SALESFORCE_NOTIFICATIONS) {
    throw new AppError({ code: "INVALID_INPUT", message: `Salesforce message: more than ${MAX_SALESFORCE_NOTIFICATIONS} notifications` });
  }
  const delivery: CrmDelivery = { crm: "salesforce", events: [] };
  for (const [index, notification] of list.entries()) {
    const eventId = text(path(notification, ["Id"]));
    if (eventId === undefined) throw new AppError({ code: "INVALID_INPUT", message: `notification ${index}: Id is required` });
    const sObject = path(notification, ["sObject"]);
    const field = (name: string) => text(sObject === undefined ? undefined : path(sObject, [name]));
    if (field("IsWon") !== "true" && field("StageName") !== "Closed Won") {
      delivery.events.push({ eventId, ignored: "the opportunity is not closed-won" });
      continue;
    }
    delivery.events.push(
      toCrmDealEvent({
        crm: "salesforce",
        eventId,
        crmDealId: field("Id"),
        account: field("Account_Name__c") ?? field("Name"),
        closeDate: toCloseDate(field("CloseDate")),
        amount: toAmount(field("Amount")),
        currency: field("CurrencyIsoCode"),
        aeEmail: field("AE_Email__c"),
        csmEmail: field("CSM_Email__c"),
      }),
    );
  }
  return delivery;
}

/** What Salesforce waits for: without this acknowledgement it delivers the message again for 24 hours. */
export const SALESFORCE_ACK =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  '<soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse>' +
  "</soapenv:Body></soapenv:Envelope>";

function path(node: unknown, keys: string[]): unknown {
  let current = node;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// An element with only xsi:nil (attributes ignored) reads as "": no value.
function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
