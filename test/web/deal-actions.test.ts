import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_DEAL_DIR } from "../cli/run-captured-cli.ts";
import { seedDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, ORIGIN, type PageSession, postForm, signIn } from "./web-session.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;

beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae", "Dana Whitlock");
  csm = t.addUser("csm", "Chris Park");
});
afterEach(async () => {
  await t.deps.jobs.idle();
  await t.close();
});

function upload(session: PageSession, dealId: string, files: { name: string; bytes: Uint8Array | string }[], asScript: boolean) {
  const form = new FormData();
  if (!asScript) form.append("_csrf", session.csrf);
  for (const file of files) form.append("file", new Blob([file.bytes]), file.name);
  return t.app.request(`${ORIGIN}/deals/${dealId}/sources`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      cookie: session.cookie,
      ...(asScript ? { accept: "application/json", "x-csrf-token": session.csrf } : {}),
    },
    body: form,
  });
}

const sample = (name: string) => ({ name, bytes: readFileSync(join(SAMPLE_DEAL_DIR, name)) });

describe("the deal page's upload and extraction", () => {
  it("uploads several files at once and answers a result per file, a refused one with its reason", async () => {
    const deal = seedDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    const res = await upload(
      session,
      deal.id,
      [
        sample("discovery-call-2026-01-13.vtt"),
        sample("email-thread.eml"),
        { name: "logo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
      ],
      true,
    );
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { filename: string; outcome: string; reason?: string }[] };
    expect(results.map((r) => [r.filename, r.outcome])).toEqual([
      ["discovery-call-2026-01-13.vtt", "added"],
      ["email-thread.eml", "added"],
      ["logo.png", "refused"],
    ]);
    expect(results[2]!.reason).toBeTruthy();
    expect(t.deps.sources.listMeta(deal.id)).toHaveLength(2);

    // Without the script the deal page comes back with the same results; a file sent again is a duplicate.
    const page = await (await upload(session, deal.id, [sample("discovery-call-2026-01-13.vtt")], false)).text();
    expect(page).toContain("Already in the deal");
    expect(page).toContain("discovery-call-2026-01-13.vtt");
  });

  it("starts an extraction and streams its progress until it ends", async () => {
    const deal = seedDeal(t, ae, csm);
    const session = await signIn(t, ae.token);
    await upload(session, deal.id, [sample("discovery-call-2026-01-13.vtt")], true);
    const started = await t.app.request(`${ORIGIN}/deals/${deal.id}/extractions`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie: session.cookie, accept: "application/json", "x-csrf-token": session.csrf },
    });
    expect(started.status).toBe(202);
    const { eventsUrl, run } = (await started.json()) as { eventsUrl: string; run: { id: string } };
    const stream = await getPage(t, session, eventsUrl);
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    const text = await stream.text();
    const done = /event: done\ndata: (.+)\n/.exec(text);
    expect(done, text).not.toBeNull();
    expect(JSON.parse(done![1]!)).toMatchObject({ id: run.id, status: "succeeded", sources: 1 });
    expect(text.indexOf("event: progress")).toBeLessThan(text.indexOf("event: done"));
    // Nothing of the transcript travels in the stream: counts and states only.
    expect(text).not.toContain("Nate");

    const redirect = await postForm(t, `/deals/${deal.id}/extractions`, { _csrf: session.csrf }, { cookie: session.cookie });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toMatch(new RegExp(`^/deals/${deal.id}\\?run=run_[^#]+#extraction$`));
  });

  it("keeps the stream and the actions to those the deal allows", async () => {
    const deal = seedDeal(t, ae, csm);
    const owner = await signIn(t, ae.token);
    await upload(owner, deal.id, [sample("discovery-call-2026-01-13.vtt")], true);
    const runId = t.deps.runs.create(deal.id, ae.user.id, t.deps.now()).id;
    const stranger = await signIn(t, t.addUser("ae", "Omar Reyes").token);
    expect((await getPage(t, stranger, `/deals/${deal.id}/extractions/${runId}/events`)).status).toBe(404);
    const csmSession = await signIn(t, csm.token);
    expect((await upload(csmSession, deal.id, [sample("email-thread.eml")], false)).status).toBe(403);
    expect((await postForm(t, `/deals/${deal.id}/extractions`, { _csrf: csmSession.csrf }, { cookie: csmSession.cookie })).status).toBe(
      403,
    );
    expect(t.deps.sources.listMeta(deal.id)).toHaveLength(1);
  });
});
