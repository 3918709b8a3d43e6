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

beforeEach(() => {
  t = createTestApp({ env: { BATON_CRM_WEBHOOK_SECRET: WEBHOOK_SECRET }, now: () => WEBHOOK_NOW });
  ae = t.addUser("ae");
});
afterEach(() => t.close());

const eventBody = (eventId = 2001, objectId = 300, aeEmail = ae.user.email) =>
  JSON.stringify([hubspotClosedWon(eventId, objectId, { dealname: "Fabrikam", closedate: "2026-11-30", ae_email: aeEmail })]);

async function expectRefused(res: Response, status: number, code: string, message: RegExp) {
  expect(res.status, await res.clone().text()).toBe(status);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(t.deps.deals.listAll()).toEqual([]);
}

describe("POST /v1/webhooks/crm refuses what it cannot trust", () => {
  it("refuses a signature made with another secret", async () => {
    const body = eventBody();
    await expectRefused(
      await postWebhook(t, body, hubspotHeaders(body, WEBHOOK_NOW.getTime(), "another-secret-0123456789")),
      401,
      "UNAUTHENTICATED",
      /does not match/,
    );
  });

  it("refuses a body changed after signing", async () => {
    const headers = hubspotHeaders(eventBody());
    await expectRefused(await postWebhook(t, eventBody(2001, 301), headers), 401, "UNAUTHENTICATED", /does not match/);
  });

  it("refuses a request without a signature, even with a user's bearer token", async () => {
    const res = await t.request("POST", "/v1/webhooks/crm", {
      token: ae.token,
      body: eventBody(),
      headers: { "content-type": "application/json" },
    });
    await expectRefused(res, 401, "UNAUTHENTICATED", /missing signature/);
  });

  it("refuses a correctly signed request whose timestamp is more than 5 minutes old (HubSpot and Baton schemes)", async () => {
    const body = eventBody();
    const old = WEBHOOK_NOW.getTime() - 5 * 60 * 1000 - 1_000;
    await expectRefused(await postWebhook(t, body, hubspotHeaders(body, old)), 401, "UNAUTHENTICATED", /5 minutes/);
    await expectRefused(
      await postWebhook(t, body, batonHeaders(body, "application/json", new Date(old))),
      401,
      "UNAUTHENTICATED",
      /5 minutes/,
    );
  });

  it("refuses a timestamp from too far in the future", async () => {
    const body = eventBody();
    const ahead = WEBHOOK_NOW.getTime() + 6 * 60 * 1000;
    await expectRefused(await postWebhook(t, body, hubspotHeaders(body, ahead)), 401, "UNAUTHENTICATED", /5 minutes/);
  });

  it("refuses the same signed request replayed inside the window", async () => {
    const body = eventBody();
    const headers = hubspotHeaders(body);
    expect((await postWebhook(t, body, headers)).status).toBe(201);
    const replay = await postWebhook(t, body, headers);
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/replay/);
    expect(t.deps.deals.listAll()).toHaveLength(1);
  });

  it("answers 422 for an AE email that names no AE, and applies none of the delivery", async () => {
    const good = hubspotClosedWon(2002, 302, { dealname: "Good Co", ae_email: ae.user.email });
    const bad = hubspotClosedWon(2003, 303, { dealname: "Bad Co", ae_email: "nobody@example.test" });
    const body = JSON.stringify([good, bad]);
    await expectRefused(
      await postWebhook(t, body, hubspotHeaders(body)),
      422,
      "UNPROCESSABLE",
      /event 2003: ae_email nobody@example.test names no AE/,
    );
    expect(t.deps.crmWebhook.findEvent("hubspot:2002")).toBeUndefined();
  });

  it("answers 422 when the AE email names a user of another role", async () => {
    const csm = t.addUser("csm");
    const body = eventBody(2004, 304, csm.user.email);
    await expectRefused(await postWebhook(t, body, hubspotHeaders(body)), 422, "UNPROCESSABLE", /names no AE/);
  });

  it("answers 400 with the field for an event without a deal name", async () => {
    const body = JSON.stringify([hubspotClosedWon(2005, 305, { ae_email: ae.user.email })]);
    await expectRefused(await postWebhook(t, body, hubspotHeaders(body)), 400, "INVALID_INPUT", /event 2005: account/);
  });

  it("refuses a Salesforce message with a DOCTYPE and one that is not XML", async () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${salesforceMessage("04l1", { Id: "006x", IsWon: "true" }).replace(/^<\?xml[^>]*>/, "")}`;
    await expectRefused(await postWebhook(t, doctype, batonHeaders(doctype, "text/xml")), 400, "INVALID_INPUT", /DOCTYPE/);
    const broken = "<soapenv:Envelope><notifications>";
    await expectRefused(await postWebhook(t, broken, batonHeaders(broken, "text/xml")), 400, "INVALID_INPUT", /Salesforce message/);
  });

  it("refuses other body types and bodies over the webhook limit", async () => {
    const form = "dealname=x";
    await expectRefused(
      await postWebhook(t, form, batonHeaders(form, "application/x-www-form-urlencoded")),
      415,
      "UNSUPPORTED_FORMAT",
      /text\/xml/,
    );
    const huge = JSON.stringify([
      { ...hubspotClosedWon(2006, 306, { dealname: "x", ae_email: ae.user.email }), padding: "x".repeat(1024 * 1024) },
    ]);
    await expectRefused(await postWebhook(t, huge, hubspotHeaders(huge)), 413, "LIMIT_EXCEEDED", /over/);
  });
});

describe("POST /v1/webhooks/crm without BATON_CRM_WEBHOOK_SECRET", () => {
  it("answers 503 naming the setting, and applies nothing even to a request signed with some secret", async () => {
    const unset = createTestApp({ now: () => WEBHOOK_NOW });
    try {
      const user = unset.addUser("ae");
      const body = JSON.stringify([hubspotClosedWon(2007, 307, { dealname: "x", ae_email: user.user.email })]);
      const res = await postWebhook(unset, body, hubspotHeaders(body));
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("BATON_CRM_WEBHOOK_SECRET") });
      expect(unset.deps.deals.listAll()).toEqual([]);
    } finally {
      await unset.close();
    }
  });
});
