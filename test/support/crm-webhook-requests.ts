import { createHmac } from "node:crypto";
import type { TestApp } from "./test-app.ts";

export const WEBHOOK_SECRET = "test-crm-webhook-secret-0123456789";
export const WEBHOOK_URL = "http://localhost/v1/webhooks/crm";
/** The clock of the webhook tests' app: signatures are made for this moment, never for the wall clock. */
export const WEBHOOK_NOW = new Date("2026-12-01T09:00:00.000Z");

type DealProperties = Record<string, string | number | { value: string }>;

/** A HubSpot deal event moving the deal to closed-won, with the deal's properties as a workflow sends them. */
export function hubspotClosedWon(eventId: number, objectId: number, properties: DealProperties) {
  return {
    eventId,
    subscriptionId: 7001,
    portalId: 62515,
    appId: 54321,
    occurredAt: WEBHOOK_NOW.getTime() - 2_000,
    subscriptionType: "deal.propertyChange",
    attemptNumber: 0,
    objectId,
    propertyName: "dealstage",
    propertyValue: "closedwon",
    changeSource: "CRM",
    properties,
  };
}

/** HubSpot's v3 signature, computed here from its documented recipe: base64 HMAC-SHA256 of method + URI + body + timestamp. */
export function hubspotHeaders(body: string, timestampMs = WEBHOOK_NOW.getTime(), secret = WEBHOOK_SECRET): Record<string, string> {
  const signature = createHmac("sha256", secret).update(`POST${WEBHOOK_URL}${body}${timestampMs}`).digest("base64");
  return {
    "content-type": "application/json",
    "x-hubspot-signature-v3": signature,
    "x-hubspot-request-timestamp": String(timestampMs),
  };
}

/** Baton's own scheme: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
export function batonHeaders(body: string, contentType: string, at = WEBHOOK_NOW, secret = WEBHOOK_SECRET): Record<string, string> {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return { "content-type": contentType, "x-baton-signature": `t=${t},v1=${v1}` };
}

/** A Salesforce outbound message with one Opportunity notification. */
export function salesforceMessage(notificationId: string, fields: Record<string, string>): string {
  const sObject = Object.entries(fields)
    .map(([name, value]) => `<sf:${name}>${value}</sf:${name}>`)
    .join("\n          ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <soapenv:Body>
    <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
      <OrganizationId>00D000000000001AAA</OrganizationId>
      <ActionId>04k000000000001AAA</ActionId>
      <SessionId xsi:nil="true"/>
      <EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/60.0/00D000000000001</EnterpriseUrl>
      <PartnerUrl>https://example.my.salesforce.com/services/Soap/u/60.0/00D000000000001</PartnerUrl>
      <Notification>
        <Id>${notificationId}</Id>
        <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
          ${sObject}
        </sObject>
      </Notification>
    </notifications>
  </soapenv:Body>
</soapenv:Envelope>`;
}

/** Posts a body to the webhook with the given headers. */
export function postWebhook(t: TestApp, body: string, headers: Record<string, string>) {
  return t.request("POST", "/v1/webhooks/crm", { body, headers });
}
