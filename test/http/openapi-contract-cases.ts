import type { OperationKey } from "../support/check-openapi-exchange.ts";
import type { Caller, ContractWorld } from "../support/openapi-contract-world.ts";
import { SAMPLE_CALL_VTT } from "../support/seed-deal.ts";
import { batonHeaders, hubspotClosedWon, salesforceMessage, WEBHOOK_SECRET } from "../support/crm-webhook-requests.ts";

/** One representative request of an operation and the status it must answer. */
export type ContractCase = {
  operation: OperationKey;
  status: number;
  /** Who calls; the deals' AE unless named. */
  as?: Caller;
  /** Path placeholders other than defaultPathParameters'. */
  params?: (w: ContractWorld) => Record<string, string>;
  query?: string;
  json?: (w: ContractWorld) => unknown;
  body?: (w: ContractWorld) => RequestInit["body"];
  /** Request headers; a function gets the body, for signing it. */
  headers?: Record<string, string> | ((body: RequestInit["body"]) => Record<string, string>);
  /** The media type answered, when not the first one the status documents. */
  media?: string;
};

function files(count: number): FormData {
  const form = new FormData();
  for (let i = 0; i < count; i += 1) form.append("file", new Blob([`Kickoff note ${i}: the pilot starts in March.\n`]), `note-${i}.txt`);
  return form;
}

const PLAIN_TEXT = { "content-type": "text/plain" };

/** A batch of one deal for an AE the world does not have: the row fails with its reason, the batch still runs. */
function batchForm(): FormData {
  const form = new FormData();
  form.append("manifest", "deal_key,account,close_date,ae_email,files\nCRM-9,Harbor Labs,2026-03-01,nobody@example.test,call.vtt\n");
  form.append("file", new Blob([SAMPLE_CALL_VTT]), "call.vtt");
  return form;
}
// An If-Match naming a version nobody has read: every versioned object starts at a lower one.
const STALE = { "if-match": '"999"' };
const draftDeal = (w: ContractWorld) => ({ dealId: w.draft.id });
const bareDeal = (w: ContractWorld) => ({ dealId: w.bare.id });

/** Every operation with each success status and media type it documents, and the error statuses worth pinning. */
export const CONTRACT_CASES: ContractCase[] = [
  {
    operation: "post /v1/deals",
    status: 201,
    json: (w) => ({ account: "Harbor Labs", closeDate: "2026-04-01", amount: 1200, currency: "EUR", csmId: w.users.csm.user.id }),
  },
  { operation: "post /v1/deals", status: 400, json: () => ({ account: "" }) },
  { operation: "post /v1/deals", status: 403, as: "csm", json: () => ({ account: "Harbor Labs" }) },
  { operation: "get /v1/deals", status: 200 },
  { operation: "get /v1/deals", status: 401, as: "none" },
  { operation: "get /v1/deals", status: 403, as: "admin" },
  { operation: "get /v1/deals/{dealId}", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}", status: 404, as: "otherAe" },
  { operation: "patch /v1/deals/{dealId}", status: 200, json: () => ({ closeDate: "2026-03-01", amount: null }) },
  { operation: "patch /v1/deals/{dealId}", status: 415, body: () => "account=x", headers: PLAIN_TEXT },
  { operation: "patch /v1/deals/{dealId}", status: 200, json: () => ({ amount: 5 }), headers: { "if-match": '"1"' } },
  { operation: "patch /v1/deals/{dealId}", status: 412, json: () => ({ amount: 5 }), headers: STALE },
  { operation: "patch /v1/deals/{dealId}", status: 400, json: () => ({ amount: 5 }), headers: { "if-match": "1" } },
  { operation: "delete /v1/deals/{dealId}", status: 204 },
  { operation: "delete /v1/deals/{dealId}", status: 403, as: "csm" },

  {
    operation: "post /v1/deals/{dealId}/sources",
    status: 201,
    json: () => ({ filename: "notes.txt", content: "Kickoff notes: the pilot starts in March.\n" }),
  },
  { operation: "post /v1/deals/{dealId}/sources", status: 201, body: () => files(2) },
  { operation: "post /v1/deals/{dealId}/sources", status: 200, json: () => ({ filename: "again.vtt", content: SAMPLE_CALL_VTT }) },
  { operation: "post /v1/deals/{dealId}/sources", status: 400, json: () => ({ filename: "empty.txt" }) },
  { operation: "post /v1/deals/{dealId}/sources", status: 413, body: () => files(21) },
  {
    operation: "post /v1/deals/{dealId}/sources",
    status: 415,
    json: () => ({ filename: "logo.png", contentBase64: "iVBORw0KGgoAAAANSUhEUg==" }),
  },
  { operation: "get /v1/deals/{dealId}/sources", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}/sources/{sourceId}", status: 200, as: "revops" },
  { operation: "get /v1/deals/{dealId}/sources/{sourceId}", status: 404, params: () => ({ sourceId: "src_missing" }) },
  { operation: "delete /v1/deals/{dealId}/sources/{sourceId}", status: 204 },

  { operation: "post /v1/deals/{dealId}/extractions", status: 202 },
  { operation: "post /v1/deals/{dealId}/extractions", status: 200, query: "wait=true" },
  { operation: "post /v1/deals/{dealId}/extractions", status: 403, as: "csm" },
  { operation: "post /v1/deals/{dealId}/extractions", status: 409, params: bareDeal },
  { operation: "get /v1/deals/{dealId}/extractions", status: 200 },
  { operation: "get /v1/deals/{dealId}/extractions/{runId}", status: 200 },
  { operation: "post /v1/batches/extractions", status: 202, as: "revops", json: (w) => ({ dealIds: [w.full.deal.id, w.bare.id] }) },
  { operation: "post /v1/batches/extractions", status: 404, as: "revops", json: () => ({ dealIds: ["deal_missing"] }) },
  { operation: "post /v1/batches", status: 202, as: "revops", body: batchForm },
  { operation: "post /v1/batches", status: 200, as: "revops", query: "dryRun=true", body: batchForm },
  { operation: "post /v1/batches", status: 403, body: batchForm },
  { operation: "post /v1/batches", status: 415, as: "revops", json: () => ({ manifest: [] }) },
  { operation: "get /v1/batches", status: 200, as: "revops" },
  { operation: "get /v1/batches/{batchId}", status: 200, as: "revops" },
  { operation: "get /v1/batches/{batchId}", status: 404, as: "revops", params: () => ({ batchId: "batch_missing" }) },
  { operation: "get /v1/batches/{batchId}/events", status: 200, as: "revops" },
  { operation: "get /v1/deals/{dealId}/draft", status: 200, params: draftDeal },
  { operation: "get /v1/deals/{dealId}/draft", status: 200, query: "format=md", media: "text/markdown" },

  {
    operation: "post /v1/deals/{dealId}/verify",
    status: 200,
    as: "csm",
    json: (w) => ({ source: w.full.sourceId, quote: "refund the onboarding fee" }),
  },
  {
    operation: "post /v1/deals/{dealId}/verify",
    status: 200,
    json: (w) => ({
      checks: [
        { source: w.full.sourceId, segment: null, quote: "Ray signs off on security" },
        { source: "src_missing", quote: "x" },
      ],
    }),
  },
  { operation: "post /v1/deals/{dealId}/verify", status: 404, json: () => ({ source: "src_missing", quote: "x" }) },

  {
    operation: "patch /v1/deals/{dealId}/items/{itemId}",
    status: 200,
    json: () => ({ statement: "Corvala refunds the onboarding fee if the pilot slips past March 3." }),
  },
  { operation: "patch /v1/deals/{dealId}/items/{itemId}", status: 400, json: () => ({}) },
  { operation: "patch /v1/deals/{dealId}/items/{itemId}", status: 412, json: () => ({ status: "rejected" }), headers: STALE },
  { operation: "get /v1/deals/{dealId}/items/{itemId}", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}/items/{itemId}", status: 404, params: () => ({ itemId: "itm_missing" }) },
  {
    operation: "patch /v1/deals/{dealId}/items/{itemId}",
    status: 409,
    params: (w) => ({ dealId: w.draft.id, itemId: `itm_unverified_${w.draft.id}` }),
    json: () => ({ status: "approved" }),
  },
  {
    operation: "patch /v1/deals/{dealId}/items/{itemId}",
    status: 200,
    json: () => ({ details: { promisedBy: "Dana Whitlock", dueDate: "2026-03-03" } }),
  },
  { operation: "patch /v1/deals/{dealId}/items/{itemId}", status: 400, json: () => ({ details: { stance: "skeptical" } }) },
  { operation: "post /v1/deals/{dealId}/sections/{section}/approve", status: 200, params: () => ({ section: "promises" }) },
  { operation: "post /v1/deals/{dealId}/sections/{section}/approve", status: 400, params: () => ({ section: "weather" }) },
  {
    operation: "post /v1/deals/{dealId}/quote-checks",
    status: 200,
    json: (w) => ({ quote: "Ray signs off on security", sourceId: w.full.sourceId }),
  },
  { operation: "post /v1/deals/{dealId}/quote-checks", status: 200, json: () => ({ quote: "we will churn by March" }) },
  { operation: "post /v1/deals/{dealId}/quote-checks", status: 400, json: () => ({ quote: "x", sourceId: "src_missing" }) },
  { operation: "post /v1/deals/{dealId}/quote-checks", status: 403, as: "csm", json: () => ({ quote: "x" }) },
  { operation: "get /v1/deals/{dealId}/approval-preview", status: 200, params: draftDeal },
  { operation: "get /v1/deals/{dealId}/approval-preview", status: 200, as: "csm" },
  {
    operation: "post /v1/deals/{dealId}/items",
    status: 201,
    json: (w) => ({
      section: "nextSteps",
      statement: "Ray Tanaka signs off on security.",
      quote: "Ray signs off on security",
      sourceId: w.full.sourceId,
    }),
  },
  {
    operation: "post /v1/deals/{dealId}/items",
    status: 201,
    json: () => ({ section: "technicalEnvironment", statement: "They run on Azure." }),
  },
  {
    operation: "put /v1/deals/{dealId}/gaps/{section}",
    status: 200,
    params: () => ({ section: "technicalEnvironment" }),
    json: () => ({ answer: "Azure, SSO via Okta." }),
  },
  {
    operation: "put /v1/deals/{dealId}/gaps/{section}",
    status: 200,
    params: () => ({ section: "technicalEnvironment" }),
    json: () => ({ answer: "Azure, SSO via Okta." }),
    headers: { "if-match": '"0"' },
  },
  {
    operation: "put /v1/deals/{dealId}/gaps/{section}",
    status: 412,
    json: () => ({ answer: "Another competitor." }),
    headers: STALE,
  },
  {
    operation: "put /v1/deals/{dealId}/gaps/{section}",
    status: 400,
    params: () => ({ section: "weather" }),
    json: () => ({ answer: "sunny" }),
  },
  {
    operation: "put /v1/deals/{dealId}/gaps/{section}",
    status: 409,
    params: () => ({ section: "promises" }),
    json: () => ({ answer: "none" }),
  },
  { operation: "delete /v1/deals/{dealId}/gaps/{section}", status: 204 },
  { operation: "delete /v1/deals/{dealId}/gaps/{section}", status: 412, headers: STALE },
  { operation: "delete /v1/deals/{dealId}/gaps/{section}", status: 404, params: () => ({ section: "technicalEnvironment" }) },
  { operation: "post /v1/deals/{dealId}/approve", status: 201, params: draftDeal },
  { operation: "post /v1/deals/{dealId}/approve", status: 200 },
  { operation: "post /v1/deals/{dealId}/approve", status: 409, params: bareDeal },
  { operation: "get /v1/deals/{dealId}/versions", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}/versions/{version}", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}/versions/{version}", status: 400, params: () => ({ version: "one" }) },
  { operation: "get /v1/deals/{dealId}/versions/{version}", status: 404, params: () => ({ version: "7" }) },

  { operation: "get /v1/deals/{dealId}/brief", status: 200, as: "csm" },
  { operation: "get /v1/deals/{dealId}/brief", status: 200, as: "csm", params: draftDeal },
  { operation: "get /v1/deals/{dealId}/brief", status: 200, as: "csm", query: "format=md", media: "text/markdown" },
  {
    operation: "get /v1/deals/{dealId}/brief",
    status: 200,
    as: "csm",
    params: draftDeal,
    headers: { accept: "text/markdown" },
    media: "text/markdown",
  },
  { operation: "get /v1/deals/{dealId}/brief", status: 400, as: "csm", query: "format=pdf" },
  { operation: "get /v1/deals/{dealId}/brief", status: 403, as: "admin" },
  { operation: "get /v1/deals/{dealId}/tracking", status: 200 },
  { operation: "put /v1/deals/{dealId}/milestones/{milestone}", status: 200, as: "csm", params: () => ({ milestone: "kickoff" }) },
  { operation: "put /v1/deals/{dealId}/milestones/{milestone}", status: 400, as: "csm", params: () => ({ milestone: "party" }) },
  { operation: "put /v1/deals/{dealId}/milestones/{milestone}", status: 403, params: () => ({ milestone: "kickoff" }) },
  { operation: "delete /v1/deals/{dealId}/milestones/{milestone}", status: 204, as: "csm", params: () => ({ milestone: "checkIn" }) },
  {
    operation: "post /v1/deals/{dealId}/feedback",
    status: 201,
    as: "csm",
    json: () => ({ questions: "Who owns the SSO setup on their side?" }),
  },
  { operation: "post /v1/deals/{dealId}/feedback", status: 201, as: "csm", json: () => ({}) },
  { operation: "get /v1/reports/handoffs", status: 200, as: "revops" },
  {
    operation: "get /v1/reports/handoffs",
    status: 200,
    as: "revops",
    query: "format=csv&from=2026-01-01&to=2026-12-31",
    media: "text/csv",
  },
  { operation: "get /v1/reports/handoffs", status: 400, as: "revops", query: "from=2026-02-30" },
  { operation: "get /v1/reports/handoffs", status: 403 },

  {
    operation: "post /v1/webhooks/crm",
    status: 201,
    as: "none",
    body: (w) => JSON.stringify(hubspotClosedWon(9001, 901, { dealname: "Signed Co", ae_email: w.users.ae.user.email })),
    headers: (body) => signedNow(String(body), "application/json"),
  },
  {
    operation: "post /v1/webhooks/crm",
    status: 200,
    as: "none",
    body: () => JSON.stringify({ ...hubspotClosedWon(9002, 902, {}), propertyValue: "closedlost" }),
    headers: (body) => signedNow(String(body), "application/json"),
  },
  {
    operation: "post /v1/webhooks/crm",
    status: 200,
    as: "none",
    media: "text/xml",
    body: (w) => salesforceMessage("04l900", { Id: "006900", Name: "Soap Co", IsWon: "true", AE_Email__c: w.users.ae.user.email }),
    headers: (body) => signedNow(String(body), "text/xml"),
  },
  { operation: "post /v1/webhooks/crm", status: 401, as: "none", body: () => "[]", headers: { "content-type": "application/json" } },
  {
    operation: "post /v1/webhooks/crm",
    status: 422,
    as: "none",
    body: () => JSON.stringify(hubspotClosedWon(9003, 903, { dealname: "Nobody Co", ae_email: "nobody@example.test" })),
    headers: (body) => signedNow(String(body), "application/json"),
  },
  { operation: "get /v1/users", status: 200, as: "admin" },
  { operation: "get /v1/users", status: 403 },
  { operation: "post /v1/users", status: 201, as: "admin", json: () => ({ name: "Ana Reyes", email: "ana@example.test", role: "csm" }) },
  { operation: "post /v1/users", status: 409, as: "admin", json: (w) => ({ name: "Twin", email: w.users.csm.user.email, role: "csm" }) },
  { operation: "delete /v1/users/{userId}", status: 204, as: "admin" },
  { operation: "delete /v1/users/{userId}", status: 409, as: "admin", params: (w) => ({ userId: w.users.admin.user.id }) },
  { operation: "get /healthz", status: 200, as: "none" },
  { operation: "get /openapi.json", status: 200, as: "none" },
  { operation: "get /docs", status: 200, as: "none" },
];

/** Signed with the contract world's webhook secret at the moment the request is sent (its app runs on the real clock). */
function signedNow(body: string, contentType: string): Record<string, string> {
  return batonHeaders(body, contentType, new Date(), WEBHOOK_SECRET);
}
