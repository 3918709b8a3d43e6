import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SECTION_KEYS } from "../../src/domain/sections.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const DEAL_DIR = join(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");

// A hand-written model answer: one item citing the discovery call, so the LLM cache gets a row.
function fakeLlmFetch(): typeof fetch {
  const answer: Record<string, unknown[]> = Object.fromEntries(SECTION_KEYS.map((key) => [key, []]));
  answer.competition = [
    {
      statement: "They looked at Zendesk.",
      evidence: [{ segment: "S1", quote: "We looked at Zendesk." }],
      competitor: "Zendesk",
      kind: "alternativeEvaluated",
    },
  ];
  return (async () =>
    new Response(
      JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion",
        created: 0,
        model: "test-model",
        choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: JSON.stringify(answer), refusal: null } }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      }),
      { status: 200, headers: { "content-type": "application/json" } },
    )) as typeof fetch;
}

const DEAL_TABLES = ["sources", "extraction_runs", "items", "gap_answers", "handoff_versions"] as const;

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp({
    env: { OPENAI_BASE_URL: "http://llm.test/v1", OPENAI_API_KEY: "test-key", BATON_MODEL: "test-model", BATON_LLM_MAX_RETRIES: "0" },
    fetch: fakeLlmFetch(),
  });
  ae = t.addUser("ae");
});
afterEach(() => t.close());

async function seedDeal(account: string): Promise<string> {
  const created = await t.request("POST", "/v1/deals", { token: ae.token, json: { account, closeDate: "2026-02-06" } });
  const { id } = (await created.json()) as { id: string };
  const form = new FormData();
  form.append("file", new Blob([readFileSync(join(DEAL_DIR, "discovery-call-2026-01-13.vtt"))]), "discovery.vtt");
  expect((await t.request("POST", `/v1/deals/${id}/sources`, { token: ae.token, body: form })).status).toBe(201);
  const run = await t.request("POST", `/v1/deals/${id}/extractions?wait=true`, { token: ae.token });
  expect(((await run.json()) as { run: { status: string } }).run.status).toBe("succeeded");
  const draft = (await (await t.request("GET", `/v1/deals/${id}/draft`, { token: ae.token })).json()) as { gaps: { section: string }[] };
  const gap = draft.gaps[0]!.section;
  expect(
    (await t.request("PUT", `/v1/deals/${id}/gaps/${gap}`, { token: ae.token, json: { answer: "Kickoff is on 17 Feb." } })).status,
  ).toBe(200);
  expect((await t.request("POST", `/v1/deals/${id}/approve`, { token: ae.token })).status).toBe(201);
  expect((await t.request("GET", `/v1/deals/${id}/brief`, { token: ae.token })).status).toBe(200);
  return id;
}

const count = (table: string, dealId: string) =>
  (t.deps.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deal_id = ?`).get(dealId) as { n: number }).n;

describe("deleting a deal", () => {
  it("removes its sources, runs, items, gap answers, versions and LLM cache entries, keeps ids in the audit log, and leaves other deals alone", async () => {
    const doomed = await seedDeal("Kestrel Ridge Freight");
    const kept = await seedDeal("Other Co");
    for (const table of [...DEAL_TABLES, "llm_cache"]) expect(count(table, doomed), table).toBeGreaterThan(0);

    expect((await t.request("DELETE", `/v1/deals/${doomed}`, { token: ae.token })).status).toBe(204);

    for (const table of [...DEAL_TABLES, "llm_cache"]) expect(count(table, doomed), table).toBe(0);
    expect(t.deps.db.prepare("SELECT COUNT(*) AS n FROM deals WHERE id = ?").get(doomed)).toEqual({ n: 0 });
    for (const path of ["", "/draft", "/brief", "/sources", "/versions"]) {
      expect((await t.request("GET", `/v1/deals/${doomed}${path}`, { token: ae.token })).status, path).toBe(404);
    }
    // The audit trail survives with ids and verbs only.
    const audit = t.deps.audit.listForDeal(doomed);
    expect(audit.map((entry) => entry.action)).toContain("delete");
    const stored = JSON.stringify(t.deps.db.prepare("SELECT * FROM audit_log WHERE deal_id = ?").all(doomed));
    expect(stored).not.toContain("Zendesk");
    expect(stored).not.toContain("Kickoff is on 17 Feb.");
    expect(stored).not.toContain("Kestrel");

    for (const table of [...DEAL_TABLES, "llm_cache"]) expect(count(table, kept), table).toBeGreaterThan(0);
    expect((await t.request("GET", `/v1/deals/${kept}/brief`, { token: ae.token })).status).toBe(200);
  });
});
