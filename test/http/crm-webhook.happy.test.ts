import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  batonHeaders,
  hubspotClosedWon,
  hubspotHeaders,
  postWebhook,
  salesforceMessage,
  WEBHOOK_NOW,
  WEBHOOK_SECRET,
} from "../support/crm-webhook-requests.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;
let clock: Date;

beforeEach(() => {
  clock = WEBHOOK_NOW;
  t = createTestApp({ env: { BATON_CRM_WEBHOOK_SECRET: WEBHOOK_SECRET }, now: () => clock });
  ae = t.addUser("ae", "Dana AE");
  csm = t.addUser("csm", "Casey CSM");
});
afterEach(() => t.close());

const properties = () => ({
  dealname: "Northwind renewal",
  account_name: "Northwind Traders",
  closedate: "2026-11-30T17:45:00.000Z",
  amount: "48000",
  deal_currency_code: "EUR",
  ae_email: ae.user.email.toUpperCase(),
  csm_email: { value: csm.user.email },
});

describe("POST /v1/webhooks/crm with HubSpot's v3 signature", () => {
  it("creates the deal by its HubSpot id with account, close date, amount, currency, AE and CSM, audited as the CRM", async () => {
    const body = JSON.stringify([hubspotClosedWon(1001, 123, properties())]);
    const res = await postWebhook(t, body, hubspotHeaders(body));
    expect(res.status, await res.clone().text()).toBe(201);
    const answer = (await res.json()) as { crm: string; results: { dealId: string; dealKey: string; outcome: string }[] };
    expect(answer.crm).toBe("hubspot");
    expect(answer.results).toEqual([{ eventId: "1001", dealKey: "hubspot:123", dealId: expect.any(String), outcome: "created" }]);
    const deal = t.deps.deals.findByKey("hubspot:123");
    expect(deal).toMatchObject({
      id: answer.results[0]!.dealId,
      account: "Northwind Traders",
      closeDate: "2026-11-30",
      amount: 48000,
      currency: "EUR",
      aeId: ae.user.id,
      csmId: csm.user.id,
    });
    expect(t.deps.audit.listForDeal(deal!.id)).toEqual([
      expect.objectContaining({ userId: "crm:hubspot", action: "create", objectType: "deal" }),
    ]);
  });

  it("answers a repeat delivery of the same event (new timestamp, new signature) with the same deal and changes nothing", async () => {
    const body = JSON.stringify([hubspotClosedWon(1002, 124, properties())]);
    const first = (await (await postWebhook(t, body, hubspotHeaders(body))).json()) as { results: { dealId: string }[] };
    const revision = t.deps.deals.findByKey("hubspot:124")!.revision;
    clock = new Date(WEBHOOK_NOW.getTime() + 60_000);
    const again = await postWebhook(t, body, hubspotHeaders(body, clock.getTime()));
    expect(again.status).toBe(200);
    const answer = (await again.json()) as { results: { dealId: string; outcome: string }[] };
    expect(answer.results[0]).toMatchObject({ dealId: first.results[0]!.dealId, outcome: "repeat" });
    expect(t.deps.deals.listAll()).toHaveLength(1);
    expect(t.deps.deals.findByKey("hubspot:124")!.revision).toBe(revision);
    expect(t.deps.audit.listForDeal(first.results[0]!.dealId)).toHaveLength(1);
  });

  it("updates the same deal on a later event with a new id, and leaves events that are not closed-won alone", async () => {
    const created = JSON.stringify([hubspotClosedWon(1003, 125, properties())]);
    await postWebhook(t, created, hubspotHeaders(created));
    const later = { ...hubspotClosedWon(1004, 125, { ...properties(), amount: "52000" }) };
    const lost = { ...hubspotClosedWon(1005, 126, properties()), propertyValue: "closedlost" };
    clock = new Date(WEBHOOK_NOW.getTime() + 1_000);
    const body = JSON.stringify([lost, later]);
    const res = await postWebhook(t, body, hubspotHeaders(body, clock.getTime()));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { results: { eventId: string; outcome: string }[] };
    // Answered in the order sent, so the CRM can match each result to its event.
    expect(answer.results.map((r) => [r.eventId, r.outcome])).toEqual([
      ["1005", "ignored"],
      ["1004", "updated"],
    ]);
    expect(t.deps.deals.findByKey("hubspot:125")!.amount).toBe(52000);
    expect(t.deps.deals.findByKey("hubspot:126")).toBeUndefined();
  });
});

describe("POST /v1/webhooks/crm with a Salesforce outbound message and Baton's signature", () => {
  const opportunity = () => ({
    Id: "006000000000001AAA",
    Name: "Contoso expansion",
    Account_Name__c: "Contoso Ltd",
    StageName: "Closed Won",
    IsWon: "true",
    CloseDate: "2026-11-28",
    Amount: "120000.0",
    CurrencyIsoCode: "USD",
    AE_Email__c: ae.user.email,
    CSM_Email__c: csm.user.email,
  });

  it("creates the deal and answers Salesforce's SOAP acknowledgement", async () => {
    const body = salesforceMessage("04l000000000001AAA", opportunity());
    const res = await postWebhook(t, body, batonHeaders(body, "text/xml; charset=utf-8"));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await res.text()).toContain("<Ack>true</Ack>");
    expect(t.deps.deals.findByKey("salesforce:006000000000001AAA")).toMatchObject({
      account: "Contoso Ltd",
      closeDate: "2026-11-28",
      amount: 120000,
      currency: "USD",
      aeId: ae.user.id,
      csmId: csm.user.id,
    });
  });

  it("answers the deal id in JSON when asked for it, and repeats idempotently on redelivery of the notification", async () => {
    const body = salesforceMessage("04l000000000002AAA", opportunity());
    const json = { ...batonHeaders(body, "text/xml"), accept: "application/json" };
    const res = await postWebhook(t, body, json);
    expect(res.status).toBe(201);
    const first = (await res.json()) as { crm: string; results: { dealId: string; dealKey: string }[] };
    expect(first.crm).toBe("salesforce");
    expect(first.results[0]!.dealKey).toBe("salesforce:006000000000001AAA");
    clock = new Date(WEBHOOK_NOW.getTime() + 2_000);
    const again = await postWebhook(t, body, { ...batonHeaders(body, "text/xml", clock), accept: "application/json" });
    expect(((await again.json()) as { results: { dealId: string; outcome: string }[] }).results[0]).toEqual(
      expect.objectContaining({ dealId: first.results[0]!.dealId, outcome: "repeat" }),
    );
  });

  it("takes Baton's signature on HubSpot's JSON shape too", async () => {
    const body = JSON.stringify(hubspotClosedWon(1006, 127, properties()));
    const res = await postWebhook(t, body, batonHeaders(body, "application/json"));
    expect(res.status).toBe(201);
    expect(t.deps.deals.findByKey("hubspot:127")?.aeId).toBe(ae.user.id);
  });
});
