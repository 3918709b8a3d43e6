import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { CRM_NAMES } from "../../crm/crm-deal-event.ts";
import { SALESFORCE_ACK } from "../../crm/read-salesforce-delivery.ts";
import { receiveCrmWebhook } from "../../services/crm-webhook-service.ts";
import type { ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";

/** Largest webhook body: 100 events with their properties fit many times over. */
export const CRM_WEBHOOK_MAX_BYTES = 1024 * 1024;

export const CRM_WEBHOOK_PATH = "/v1/webhooks/crm";

const CrmWebhookAnswerSchema = z
  .object({
    crm: z.enum(CRM_NAMES),
    results: z.array(
      z.object({
        eventId: z.string(),
        dealKey: z.string().nullable().describe("<crm>:<the CRM's deal id>; null for an ignored event"),
        dealId: z.string().nullable(),
        outcome: z
          .enum(["created", "updated", "unchanged", "repeat", "ignored"])
          .describe("repeat: this event id was applied before, nothing changed; ignored: not a closed-won deal event"),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi("CrmWebhookAnswer");

// Described here, read by the handler as raw bytes: the signature covers the body exactly as sent.
const HUBSPOT_BODY_DESCRIPTION = "HubSpot webhook events (one, or an array of up to 100), each with the deal's `properties`";
const SALESFORCE_BODY_DESCRIPTION = "a Salesforce outbound message (SOAP `notifications` of Opportunity sObjects)";

const webhookRoute = defineRoute({
  method: "post",
  path: CRM_WEBHOOK_PATH,
  tag: "CRM",
  summary: "A CRM's closed-won deal: creates or updates the deal by its CRM id and assigns AE and CSM by email",
  description:
    "Signed with BATON_CRM_WEBHOOK_SECRET: HubSpot's `X-HubSpot-Signature-v3` with `X-HubSpot-Request-Timestamp`, or " +
    '`X-Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a timestamp more than 5 minutes off, a ' +
    "bad signature (401) or the same signed request twice (409) is refused. The whole delivery is applied or none of it: an " +
    "email naming no AE (or CSM) answers 422. A repeated event id changes nothing and answers the same deal (outcome " +
    "repeat). 201 when a deal was created, else 200; a Salesforce message is answered with its SOAP acknowledgement " +
    "unless Accept asks for application/json. 503 while BATON_CRM_WEBHOOK_SECRET is unset. Attachments are uploaded " +
    "separately (POST /v1/deals/{dealId}/sources).",
  access: "crm-signature",
  request: {
    body: {
      required: false,
      content: {
        "application/json": {
          schema: {
            description: HUBSPOT_BODY_DESCRIPTION,
            oneOf: [{ type: "object" }, { type: "array", items: { type: "object" }, minItems: 1, maxItems: 100 }],
          },
        },
        "text/xml": { schema: { type: "string", description: SALESFORCE_BODY_DESCRIPTION } },
      },
    },
  },
  responses: {
    201: { description: "at least one deal was created", content: { "application/json": { schema: CrmWebhookAnswerSchema } } },
    200: {
      description: "deals updated, unchanged, repeated or ignored; a Salesforce message's acknowledgement",
      content: { "application/json": { schema: CrmWebhookAnswerSchema }, "text/xml": { schema: z.string() } },
    },
  },
  errors: [400, 409, 413, 415, 422, 503],
});

/** POST /v1/webhooks/crm: outside the bearer check, authenticated by the CRM's signature. */
export function registerCrmWebhookRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(webhookRoute, async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const answer = receiveCrmWebhook(deps, {
      method: c.req.method,
      url: deps.config.crmWebhook.url ?? c.req.url,
      body,
      header: (name) => c.req.header(name),
      contentType: c.req.header("content-type"),
      requestId: c.get("requestId") ?? null,
    });
    const wantsJson = /application\/json/i.test(c.req.header("accept") ?? "");
    if (answer.crm === "salesforce" && !wantsJson) {
      return c.body(SALESFORCE_ACK, 200, { "content-type": "text/xml; charset=utf-8" });
    }
    return c.json(answer, answer.results.some((r) => r.outcome === "created") ? 201 : 200);
  });
}
