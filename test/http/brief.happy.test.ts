import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Brief } from "../../src/drafting/brief.ts";
import { HIDDEN_STATEMENTS, seedBriefDeal } from "../support/seed-brief-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SAMPLE_DEAL_DIR = join(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");

let t: TestApp;
afterEach(() => t.close());

/** A clock the test moves by hand. */
function clock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

/** Every object in the brief that carries an item id. */
function allItems(value: unknown): { itemId: string; basis: string; statement: string }[] {
  if (Array.isArray(value)) return value.flatMap(allItems);
  if (value === null || typeof value !== "object") return [];
  const own = "itemId" in value ? [value as { itemId: string; basis: string; statement: string }] : [];
  return [...own, ...Object.values(value).flatMap(allItems)];
}

async function getBrief(path: string, token: string): Promise<Brief> {
  const res = await t.request("GET", path, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Brief;
}

describe("GET /v1/deals/{dealId}/brief", () => {
  it("gives the assigned CSM a draft brief marked as such on every item, without rejected or unverified items", async () => {
    t = createTestApp({ now: clock("2026-02-10T12:00:00Z").now });
    const ae = t.addUser("ae", "Dana Whitlock");
    const csm = t.addUser("csm", "Sam Okafor");
    const deal = seedBriefDeal(t, ae, csm);

    const brief = await getBrief(`/v1/deals/${deal.id}/brief`, csm.token);
    expect(brief).toMatchObject({ dealId: deal.id, status: "draft", version: null, approvedAt: null });
    expect(brief.notice).toMatch(/^DRAFT/);
    const items = allItems(brief);
    expect(new Set(items.map((i) => i.itemId))).toEqual(
      new Set(["pain", "success", "champion", "promise", "objection", "risk"].map((name) => `itm_${name}_${deal.id}`)),
    );
    expect(items.every((i) => i.basis === "draft")).toBe(true);
    const text = JSON.stringify(brief);
    expect(text).not.toContain(HIDDEN_STATEMENTS.rejected);
    expect(text).not.toContain(HIDDEN_STATEMENTS.unverified);

    expect(brief.promises).toHaveLength(1);
    expect(brief.promises[0]).toMatchObject({ owner: "Dana Whitlock", due: "2026-03-16", unrealistic: true });
    expect(brief.promises[0]!.citations[0]).toEqual({
      file: "discovery-call.vtt",
      sourceId: "src_call",
      speaker: "Dana Whitlock",
      time: "3:27",
      startMs: 207_000,
      quote: "live on Corvala by March 16th",
      match: "exact",
    });
    expect(brief.stakeholders[0]).toMatchObject({ name: "Nate Brennan", role: "champion", stance: "supportive" });
    expect(brief.risks.map((r) => r.reason)).toEqual(["redFlag", "unresolvedObjection"]);
    expect(brief.confirm.opener).toContain("“Customers hear about late freight before Kestrel Ridge does”");
    expect(brief.openQuestions.find((q) => q.section === "competition")).toMatchObject({
      state: "answeredByAe",
      aeSays: "They looked at Zendesk briefly.",
    });
    expect(brief.openQuestions.find((q) => q.section === "technicalEnvironment")).toMatchObject({ state: "unanswered", aeSays: null });
    expect(brief.introEmail.body).toContain("Sam already knows the story");
    expect(brief.introEmail.to).toEqual(["Nate Brennan"]);
    expect(brief.team.csm).toMatchObject({ name: "Sam Okafor" });
  });

  it("computes the handoff timeline against the clock: overdue, upcoming, and done once approved", async () => {
    const time = clock("2026-02-07T12:00:00Z");
    t = createTestApp({ now: time.now });
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    const states = (brief: Brief) => Object.fromEntries(brief.timeline.milestones.map((m) => [m.key, m.state]));

    expect(states(await getBrief(`/v1/deals/${deal.id}/brief`, csm.token))).toEqual({
      document: "upcoming",
      internalCall: "upcoming",
      introduction: "upcoming",
      kickoff: "upcoming",
      checkIn: "upcoming",
    });

    time.set("2026-02-10T12:00:00Z");
    const late = await getBrief(`/v1/deals/${deal.id}/brief`, csm.token);
    expect(states(late)).toEqual({
      document: "overdue",
      internalCall: "overdue",
      introduction: "overdue",
      kickoff: "upcoming",
      checkIn: "upcoming",
    });
    expect(late.timeline.milestones.find((m) => m.key === "kickoff")).toMatchObject({ dueFrom: "2026-02-11", dueBy: "2026-02-13" });

    expect((await t.request("POST", `/v1/deals/${deal.id}/approve`, { token: ae.token })).status).toBe(201);
    const approved = await getBrief(`/v1/deals/${deal.id}/brief`, csm.token);
    expect(approved.timeline.milestones[0]).toMatchObject({
      key: "document",
      state: "done",
      doneAt: "2026-02-10T12:00:00.000Z",
      late: true,
    });
  });

  it("serves the latest approved version, not later draft edits, marked approved", async () => {
    const time = clock("2026-02-07T09:00:00Z");
    t = createTestApp({ now: time.now });
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    expect((await t.request("POST", `/v1/deals/${deal.id}/approve`, { token: ae.token })).status).toBe(201);
    time.set("2026-02-08T09:00:00Z");
    const itemId = `itm_promise_${deal.id}`;
    const edit = await t.request("PATCH", `/v1/deals/${deal.id}/items/${itemId}`, {
      token: ae.token,
      json: { statement: "Go-live moved to April." },
    });
    expect(edit.status).toBe(200);

    const brief = await getBrief(`/v1/deals/${deal.id}/brief`, csm.token);
    expect(brief).toMatchObject({ status: "approved", version: 1, approvedAt: "2026-02-07T09:00:00.000Z" });
    expect(brief.notice).toBe("Built from approved handoff version 1, approved 2026-02-07T09:00:00.000Z.");
    expect(allItems(brief).every((i) => i.basis === "approved")).toBe(true);
    expect(brief.promises[0]!.statement).toBe("The AE promised go-live by 16 March.");
    expect(brief.timeline.milestones[0]).toMatchObject({ state: "done", late: false });
    expect(brief.openQuestions.find((q) => q.section === "competition")).toMatchObject({ aeSays: "They looked at Zendesk briefly." });
  });

  it("renders Markdown for ?format=md and for Accept: text/markdown", async () => {
    t = createTestApp({ now: clock("2026-02-10T12:00:00Z").now });
    const ae = t.addUser("ae");
    const csm = t.addUser("csm");
    const deal = seedBriefDeal(t, ae, csm);
    const byQuery = await t.request("GET", `/v1/deals/${deal.id}/brief?format=md`, { token: csm.token });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get("content-type")).toContain("text/markdown");
    const md = await byQuery.text();
    expect(md).toMatch(/^# Pre-kickoff brief: Kestrel Ridge Freight\n\n> \*\*DRAFT/);
    expect(md).toContain("- The AE promised go-live by 16 March. **[unrealistic]** _[DRAFT]_");
    // The owner line above names Dana Whitlock in full: the quote's "where" calls her by first name.
    expect(md).toContain("“live on Corvala by March 16th” — discovery-call.vtt, Dana, 3:27");
    expect(md).not.toContain(HIDDEN_STATEMENTS.rejected);

    const byAccept = await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: csm.token, headers: { accept: "text/markdown" } });
    expect(byAccept.headers.get("content-type")).toContain("text/markdown");
    expect(await byAccept.text()).toBe(md);
  });

  it("briefs the uploaded sample deal with citations that are the sources' own words", async () => {
    t = createTestApp({ now: clock("2026-02-10T12:00:00Z").now });
    const ae = t.addUser("ae", "Dana Whitlock");
    const csm = t.addUser("csm", "Sam Okafor");
    const created = await t.request("POST", "/v1/deals", {
      token: ae.token,
      json: { account: "Kestrel Ridge Freight", closeDate: "2026-02-06", csmId: csm.user.id },
    });
    const { id: dealId } = (await created.json()) as { id: string };
    const form = new FormData();
    for (const name of readdirSync(SAMPLE_DEAL_DIR)) form.append("file", new Blob([readFileSync(join(SAMPLE_DEAL_DIR, name))]), name);
    expect((await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: form })).status).toBe(201);
    expect((await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token })).status).toBe(200);

    const brief = await getBrief(`/v1/deals/${dealId}/brief`, csm.token);
    expect(brief.promises.length).toBeGreaterThan(0);
    expect(brief.stakeholders.map((s) => s.name)).toContain("Nate Brennan");
    const citations = allItems(brief).flatMap((i) => (i as unknown as Brief["promises"][number]).citations ?? []);
    expect(citations.length).toBeGreaterThan(20);
    for (const citation of citations) {
      const parsed = t.deps.sources.getParsed(dealId, citation.sourceId)!;
      expect(citation.file).toBe(parsed.source.filename);
      expect(parsed.source.text).toContain(citation.quote);
    }
  });
});
