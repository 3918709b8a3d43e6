// Route × role matrix: every route, called by every kind of caller, answers the expected status class,
// and a refused call changes nothing. The routes come from the app's own definitions (its OpenAPI document):
// adding a route means adding a row here, and a test below insists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDocument } from "../../src/http/openapi/build-api-document.ts";
import { type SeededDeal, seedFullDeal } from "../support/seed-deal.ts";
import { createTestApp, type RequestOptions, type TestApp, type TestUser } from "../support/test-app.ts";

const ACTORS = ["aeOwner", "otherAe", "assignedCsm", "otherCsm", "revops", "admin", "noToken", "badToken"] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = "2xx" | 401 | 403 | 404 | 503;
type Expectations = Record<Actor, Outcome>;

const UNAUTHENTICATED = { noToken: 401, badToken: 401 } as const;
/** The deal's AE, its CSM and RevOps read; other AEs and CSMs do not know it exists; admins may not read content. */
const READ_DEAL: Expectations = {
  aeOwner: "2xx",
  otherAe: 404,
  assignedCsm: "2xx",
  otherCsm: 404,
  revops: "2xx",
  admin: 403,
  ...UNAUTHENTICATED,
};
/** Only the deal's AE changes it; those who can see it but not change it get 403, the rest 404. */
const EDIT_DEAL: Expectations = {
  aeOwner: "2xx",
  otherAe: 404,
  assignedCsm: 403,
  otherCsm: 404,
  revops: 403,
  admin: 403,
  ...UNAUTHENTICATED,
};
const EXTRACT_DEAL: Expectations = { ...EDIT_DEAL, revops: "2xx" };
const DELETE_DEAL: Expectations = { ...EDIT_DEAL, admin: "2xx" };
/** Only the deal's CSM records milestones and feedback; its AE and RevOps see the deal but may not. */
const TRACK_DEAL: Expectations = { ...EDIT_DEAL, aeOwner: 403, assignedCsm: "2xx" };
const everyRole = (allowed: Actor[]): Expectations =>
  Object.fromEntries(
    ACTORS.map((actor) => [actor, actor === "noToken" || actor === "badToken" ? 401 : allowed.includes(actor) ? "2xx" : 403]),
  ) as Expectations;
const PUBLIC: Expectations = Object.fromEntries(ACTORS.map((actor) => [actor, "2xx"])) as Expectations;

type Fixture = SeededDeal & { victim: TestUser; cell: string; batchId: string };
type Row = {
  method: string;
  /** The route's pattern as the app registers it. */
  route: string;
  url: (f: Fixture) => string;
  body?: (f: Fixture) => RequestOptions["json"];
  /** A multipart body instead of JSON. */
  form?: (f: Fixture) => FormData;
  expect: Expectations;
};

const deal = (f: Fixture, rest = "") => `/v1/deals/${f.deal.id}${rest}`;

const ROWS: Row[] = [
  { method: "GET", route: "/healthz", url: () => "/healthz", expect: PUBLIC },
  { method: "GET", route: "/openapi.json", url: () => "/openapi.json", expect: PUBLIC },
  { method: "GET", route: "/docs", url: () => "/docs", expect: PUBLIC },
  {
    method: "POST",
    route: "/v1/deals",
    url: () => "/v1/deals",
    body: () => ({ account: "Acme" }),
    expect: { ...everyRole(["aeOwner", "otherAe"]) },
  },
  {
    method: "GET",
    route: "/v1/deals",
    url: () => "/v1/deals",
    expect: everyRole(["aeOwner", "otherAe", "assignedCsm", "otherCsm", "revops"]),
  },
  { method: "GET", route: "/v1/deals/:dealId", url: (f) => deal(f), expect: READ_DEAL },
  { method: "PATCH", route: "/v1/deals/:dealId", url: (f) => deal(f), body: () => ({ amount: 1 }), expect: EDIT_DEAL },
  { method: "DELETE", route: "/v1/deals/:dealId", url: (f) => deal(f), expect: DELETE_DEAL },
  {
    method: "POST",
    route: "/v1/deals/:dealId/sources",
    url: (f) => deal(f, "/sources"),
    body: (f) => ({ filename: "notes.txt", content: `Dana: Kickoff for cell ${f.cell} is on March 10.\nNate: Works for us.\n` }),
    expect: EDIT_DEAL,
  },
  { method: "GET", route: "/v1/deals/:dealId/sources", url: (f) => deal(f, "/sources"), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/sources/:sourceId", url: (f) => deal(f, `/sources/${f.sourceId}`), expect: READ_DEAL },
  { method: "DELETE", route: "/v1/deals/:dealId/sources/:sourceId", url: (f) => deal(f, `/sources/${f.sourceId}`), expect: EDIT_DEAL },
  { method: "POST", route: "/v1/deals/:dealId/extractions", url: (f) => deal(f, "/extractions?wait=true"), expect: EXTRACT_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/extractions", url: (f) => deal(f, "/extractions"), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/extractions/:runId", url: (f) => deal(f, `/extractions/${f.runId}`), expect: READ_DEAL },
  {
    method: "POST",
    route: "/v1/batches/extractions",
    url: () => "/v1/batches/extractions",
    body: (f) => ({ dealIds: [f.deal.id] }),
    expect: everyRole(["revops"]),
  },
  {
    method: "POST",
    route: "/v1/batches",
    url: () => "/v1/batches",
    form: (f) => {
      const form = new FormData();
      form.append("manifest", `deal_key,account,close_date,ae_email,files\nK-${f.cell},Acme,2026-03-01,nobody@example.test,a.txt\n`);
      return form;
    },
    expect: everyRole(["revops"]),
  },
  { method: "GET", route: "/v1/batches", url: () => "/v1/batches", expect: everyRole(["revops"]) },
  { method: "GET", route: "/v1/batches/:batchId", url: (f) => `/v1/batches/${f.batchId}`, expect: everyRole(["revops"]) },
  { method: "GET", route: "/v1/batches/:batchId/events", url: (f) => `/v1/batches/${f.batchId}/events`, expect: everyRole(["revops"]) },
  { method: "GET", route: "/v1/deals/:dealId/draft", url: (f) => deal(f, "/draft"), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/items/:itemId", url: (f) => deal(f, `/items/${f.itemId}`), expect: READ_DEAL },
  {
    method: "PATCH",
    route: "/v1/deals/:dealId/items/:itemId",
    url: (f) => deal(f, `/items/${f.itemId}`),
    body: () => ({ status: "rejected" }),
    expect: EDIT_DEAL,
  },
  {
    method: "POST",
    route: "/v1/deals/:dealId/items",
    url: (f) => deal(f, "/items"),
    body: () => ({ section: "nextSteps", statement: "Kickoff call on March 10." }),
    expect: EDIT_DEAL,
  },
  {
    method: "POST",
    route: "/v1/deals/:dealId/sections/:section/approve",
    url: (f) => deal(f, "/sections/promises/approve"),
    expect: EDIT_DEAL,
  },
  {
    method: "POST",
    route: "/v1/deals/:dealId/quote-checks",
    url: (f) => deal(f, "/quote-checks"),
    body: () => ({ quote: "refund the onboarding fee" }),
    expect: EDIT_DEAL,
  },
  { method: "GET", route: "/v1/deals/:dealId/approval-preview", url: (f) => deal(f, "/approval-preview"), expect: READ_DEAL },
  {
    method: "PUT",
    route: "/v1/deals/:dealId/gaps/:section",
    url: (f) => deal(f, "/gaps/competition"),
    body: () => ({ answer: "None named." }),
    expect: EDIT_DEAL,
  },
  { method: "DELETE", route: "/v1/deals/:dealId/gaps/:section", url: (f) => deal(f, "/gaps/competition"), expect: EDIT_DEAL },
  { method: "POST", route: "/v1/deals/:dealId/approve", url: (f) => deal(f, "/approve"), expect: EDIT_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/versions", url: (f) => deal(f, "/versions"), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/versions/:version", url: (f) => deal(f, `/versions/${f.version}`), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/brief", url: (f) => deal(f, "/brief"), expect: READ_DEAL },
  { method: "GET", route: "/v1/deals/:dealId/tracking", url: (f) => deal(f, "/tracking"), expect: READ_DEAL },
  { method: "PUT", route: "/v1/deals/:dealId/milestones/:milestone", url: (f) => deal(f, "/milestones/kickoff"), expect: TRACK_DEAL },
  {
    method: "DELETE",
    route: "/v1/deals/:dealId/milestones/:milestone",
    url: (f) => deal(f, "/milestones/kickoff"),
    expect: TRACK_DEAL,
  },
  {
    method: "POST",
    route: "/v1/deals/:dealId/feedback",
    url: (f) => deal(f, "/feedback"),
    body: () => ({ questions: "Who owns SSO?" }),
    expect: TRACK_DEAL,
  },
  { method: "GET", route: "/v1/reports/handoffs", url: () => "/v1/reports/handoffs", expect: everyRole(["revops"]) },
  {
    method: "POST",
    route: "/v1/deals/:dealId/verify",
    url: (f) => deal(f, "/verify"),
    body: (f) => ({ source: f.sourceId, quote: "refund the onboarding fee" }),
    expect: READ_DEAL,
  },
  {
    method: "POST",
    route: "/v1/webhooks/crm",
    url: () => "/v1/webhooks/crm",
    body: (f) => [{ eventId: f.cell, objectId: 1, subscriptionType: "deal.propertyChange" }],
    // No user calls it, token or not: without BATON_CRM_WEBHOOK_SECRET (as here) it is off for everyone.
    expect: Object.fromEntries(ACTORS.map((actor) => [actor, 503])) as Expectations,
  },
  { method: "GET", route: "/v1/users", url: () => "/v1/users", expect: everyRole(["admin"]) },
  {
    method: "POST",
    route: "/v1/users",
    url: () => "/v1/users",
    body: (f) => ({ name: "New CSM", email: `csm-${f.cell}@example.test`, role: "csm" }),
    expect: everyRole(["admin"]),
  },
  { method: "DELETE", route: "/v1/users/:userId", url: (f) => `/v1/users/${f.victim.user.id}`, expect: everyRole(["admin"]) },
];

const probe = createTestApp();
const DOCUMENT = (await (await probe.request("GET", "/openapi.json")).json()) as ApiDocument;
await probe.close();
/** Every operation the route definitions declare, as "GET /v1/deals/:dealId". */
const REGISTERED = new Set(
  Object.entries(DOCUMENT.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
  ),
);

/** Everything a refused call must leave untouched, including the audit log (a refusal is not an action). */
function snapshot(t: TestApp): string {
  const tables = [
    "deals",
    "users",
    "items",
    "gap_answers",
    "handoff_versions",
    "extraction_runs",
    "handoff_milestones",
    "handoff_feedback",
    "batches",
    "batch_deals",
    "audit_log",
  ];
  const dump = tables.map((table) => t.deps.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
  const sources = t.deps.db.prepare("SELECT deal_id, id FROM sources ORDER BY rowid").all();
  return JSON.stringify([dump, sources]);
}

describe("route × role matrix", () => {
  it("has a row for every route the app registers", () => {
    const rows = new Set(ROWS.map((row) => `${row.method} ${row.route}`));
    expect([...REGISTERED].filter((route) => !rows.has(route))).toEqual([]);
  });

  it("agrees with the roles the OpenAPI description and /docs announce", () => {
    const spec = DOCUMENT;
    const roleOf = { aeOwner: "ae", assignedCsm: "csm", revops: "revops", admin: "admin" } as const;
    for (const row of ROWS) {
      const operation = spec.paths[row.route.replace(/:([A-Za-z]+)/g, "{$1}")]?.[row.method.toLowerCase()];
      const allowed = (Object.keys(roleOf) as (keyof typeof roleOf)[])
        .filter((actor) => row.expect[actor] === "2xx")
        .map((actor) => roleOf[actor]);
      const announced = row.expect.noToken === "2xx" ? "public" : allowed;
      expect(operation?.["x-roles"], `${row.method} ${row.route}`).toEqual(announced);
    }
  });

  it("lists a deal only to those who may read it", async () => {
    const t = createTestApp();
    try {
      const owner = t.addUser("ae");
      const csm = t.addUser("csm");
      const { deal } = await seedFullDeal(t, owner, csm);
      const listed = async (token: string) =>
        ((await (await t.request("GET", "/v1/deals", { token })).json()) as { deals: { id: string }[] }).deals.map((d) => d.id);
      expect(await listed(owner.token)).toEqual([deal.id]);
      expect(await listed(csm.token)).toEqual([deal.id]);
      expect(await listed(t.addUser("revops").token)).toEqual([deal.id]);
      expect(await listed(t.addUser("ae").token)).toEqual([]);
      expect(await listed(t.addUser("csm").token)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  for (const row of ROWS) {
    describe.skipIf(!REGISTERED.has(`${row.method} ${row.route}`))(`${row.method} ${row.route}`, () => {
      let t: TestApp;
      let users: Record<"aeOwner" | "otherAe" | "assignedCsm" | "otherCsm" | "revops" | "admin", TestUser>;
      beforeAll(() => {
        t = createTestApp();
        users = {
          aeOwner: t.addUser("ae"),
          otherAe: t.addUser("ae"),
          assignedCsm: t.addUser("csm"),
          otherCsm: t.addUser("csm"),
          revops: t.addUser("revops"),
          admin: t.addUser("admin"),
        };
      });
      afterAll(async () => {
        await t.deps.jobs.idle();
        await t.close();
      });

      it.each(ACTORS.map((actor) => [actor, row.expect[actor]] as const))("%s → %s", async (actor, expected) => {
        const seeded = await seedFullDeal(t, users.aeOwner, users.assignedCsm);
        const batchId = t.deps.batches.add({ createdBy: users.revops.user.id, origin: "api", deals: [] }, t.deps.now());
        const fixture: Fixture = { ...seeded, victim: t.addUser("csm"), cell: `${actor}-${seeded.deal.id}`, batchId };
        const token = actor === "noToken" ? undefined : actor === "badToken" ? "baton_not-a-real-token" : users[actor].token;
        // Runs an earlier allowed call queued end on their own thread: let them, so only this call is compared.
        await t.deps.jobs.idle();
        const before = snapshot(t);
        const body = row.body?.(fixture);
        const form = row.form?.(fixture);
        const res = await t.request(row.method, row.url(fixture), {
          ...(token ? { token } : {}),
          ...(body === undefined ? {} : { json: body }),
          ...(form === undefined ? {} : { body: form }),
        });
        if (expected === "2xx") {
          expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(300);
          return;
        }
        expect(res.status).toBe(expected);
        const envelope = (await res.json()) as { error: { code: string; requestId: string } };
        expect(envelope.error.code).toBe({ 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 503: "UNAVAILABLE" }[expected]);
        expect(envelope.error.requestId).toBe(res.headers.get("x-request-id"));
        await t.deps.jobs.idle();
        expect(snapshot(t), "a refused call changed stored state").toBe(before);
      });
    });
  }
});
