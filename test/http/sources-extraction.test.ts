import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const DEAL_DIR = join(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

async function createDeal(): Promise<string> {
  const res = await t.request("POST", "/v1/deals", {
    token: ae.token,
    json: { account: "Kestrel Ridge Freight", closeDate: "2026-02-06" },
  });
  return ((await res.json()) as { id: string }).id;
}

function multipart(files: string[]): FormData {
  const form = new FormData();
  for (const name of files) form.append("file", new Blob([readFileSync(join(DEAL_DIR, name))]), name);
  return form;
}

describe("sources and extraction runs", () => {
  it("uploads the sample deal, extracts it offline and shows a cited draft", async () => {
    const dealId = await createDeal();
    const files = readdirSync(DEAL_DIR);
    const upload = await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: multipart(files) });
    expect(upload.status).toBe(201);
    const { sources } = (await upload.json()) as { sources: { format: string; duplicate: boolean }[] };
    expect(sources.map((s) => s.format).sort()).toEqual(["eml", "pdf", "vtt", "vtt"]);

    const again = await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: multipart(files.slice(0, 1)) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { sources: { duplicate: boolean }[] }).sources[0]!.duplicate).toBe(true);

    const run = await t.request("POST", `/v1/deals/${dealId}/extractions`, { token: ae.token });
    expect(run.status).toBe(202);
    const { run: queued } = (await run.json()) as { run: { id: string; status: string } };
    expect(queued.status).toBe("queued");
    await t.deps.jobs.idle();
    const done = (await (await t.request("GET", `/v1/deals/${dealId}/extractions/${queued.id}`, { token: ae.token })).json()) as {
      run: { status: string; itemsAdded: number; sourceIds: string[] };
    };
    expect(done.run.status).toBe("succeeded");
    expect(done.run.sourceIds).toHaveLength(4);
    expect(done.run.itemsAdded).toBeGreaterThan(20);

    const draft = (await (await t.request("GET", `/v1/deals/${dealId}/draft`, { token: ae.token })).json()) as {
      items: { citations: { match: string }[] }[];
      extractor: { kind: string };
    };
    expect(draft.extractor.kind).toBe("offline");
    expect(draft.items.every((item) => item.citations.some((c) => c.match !== "unverified"))).toBe(true);
    const md = await t.request("GET", `/v1/deals/${dealId}/draft?format=md`, { token: ae.token });
    expect(md.headers.get("content-type")).toContain("text/markdown");
    expect(await md.text()).toContain("# Handoff draft");
  });

  it("re-extracts only new sources and keeps reviewed items as they are", async () => {
    const dealId = await createDeal();
    await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: multipart(["discovery-call-2026-01-13.vtt"]) });
    await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token });
    const [first] = t.deps.items.list(dealId);
    t.deps.items.review(dealId, first!.id, { status: "edited", statement: "AE's wording", reviewedBy: ae.user.id }, new Date());
    const before = t.deps.items.list(dealId).length;

    await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: multipart(["email-thread.eml"]) });
    const res = await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token });
    const { run } = (await res.json()) as { run: { status: string; sourceIds: string[] } };
    expect(run.status).toBe("succeeded");
    expect(run.sourceIds).toHaveLength(1);
    expect(t.deps.items.get(dealId, first!.id)!.statement).toBe("AE's wording");
    expect(t.deps.items.list(dealId).length).toBeGreaterThan(before);

    const noop = (await (await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token })).json()) as {
      run: { sourceIds: string[]; itemsAdded: number };
    };
    expect(noop.run.sourceIds).toEqual([]);
    expect(noop.run.itemsAdded).toBe(0);
  });

  it("rejects an unusable upload whole and stores nothing", async () => {
    const dealId = await createDeal();
    const form = multipart(["pricing-call-2026-01-29.vtt"]);
    form.append("file", new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])]), "notes.msg");
    const res = await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: form });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^notes\.msg: /);
    expect(t.deps.sources.listMeta(dealId)).toEqual([]);
  });

  it("accepts a JSON upload and refuses extraction of a deal without sources", async () => {
    const dealId = await createDeal();
    const early = await t.request("POST", `/v1/deals/${dealId}/extractions`, { token: ae.token });
    expect(early.status).toBe(409);
    const res = await t.request("POST", `/v1/deals/${dealId}/sources`, {
      token: ae.token,
      json: {
        filename: "notes.md",
        content: "**Dana:** We'll send the SOC 2 report by Friday.\n\n**Ray:** Great, our security review needs it.\n",
      },
    });
    expect(res.status).toBe(201);
  });
});
