// POST /v1/batches as a RevOps tool sends it (the manifest and its files in one multipart body), GET /v1/batches and
// the batch's progress: deals owned by the AEs named, made by RevOps in the audit log, and a second run changing nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BatchPeople, addBatchPeople, batchForm, countStored, SAMPLE_MANIFEST_DIR, sampleBatchForm } from "../support/batch-world.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

type BatchResult = { batchId: string | null; deals: { dealKey: string; dealId: string | null; status: string; reason?: string }[] };

let t: TestApp;
let people: BatchPeople;
beforeEach(() => {
  t = createTestApp();
  people = addBatchPeople(t);
});
afterEach(async () => {
  await t.close();
});

const postBatch = (body: FormData, query = "") => t.request("POST", `/v1/batches${query}`, { token: people.rita.token, body });

describe("POST /v1/batches", () => {
  it("imports the sample manifest for the AEs it names, extracts every deal and reports the batch's progress", async () => {
    const res = await postBatch(sampleBatchForm());
    expect(res.status).toBe(202);
    const result = (await res.json()) as BatchResult;
    expect(res.headers.get("location")).toBe(`/v1/batches/${result.batchId}`);
    expect(result.deals.map((d) => [d.dealKey, d.status])).toEqual([
      ["CRM-1001", "queued"],
      ["CRM-1002", "queued"],
      ["CRM-1003", "queued"],
    ]);
    const kestrel = t.deps.deals.get(result.deals[0]!.dealId!)!;
    expect(kestrel).toMatchObject({ account: "Kestrel Ridge Freight, Inc.", aeId: people.dana.user.id, csmId: people.sam.user.id });
    expect(kestrel).toMatchObject({ dealKey: "CRM-1001", closeDate: "2026-02-06", amount: 48600, currency: "USD" });
    expect(t.deps.deals.get(result.deals[2]!.dealId!)!.aeId).toBe(people.lena.user.id);
    expect(
      t.deps.sources
        .listMeta(kestrel.id)
        .map((s) => s.filename)
        .sort(),
    ).toEqual(["discovery-call-2026-01-13.vtt", "email-thread.eml", "order-form.pdf", "pricing-call-2026-01-29.vtt"]);
    // RevOps made the deal and stored its files; the AE owns it.
    const created = t.deps.audit.listForDeal(kestrel.id).filter((e) => e.action === "create" || e.action === "upload");
    expect(created).toHaveLength(5);
    expect(new Set(created.map((e) => e.userId))).toEqual(new Set([people.rita.user.id]));

    await t.deps.jobs.idle();
    const progress = await t.request("GET", `/v1/batches/${result.batchId}`, { token: people.rita.token });
    expect(progress.status).toBe(200);
    const body = (await progress.json()) as {
      counts: Record<string, unknown>;
      deals: { status: string; runId: string }[];
      createdBy: unknown;
    };
    expect(body.counts).toMatchObject({ deals: 3, done: 3, extracted: 3, failed: 0, queued: 0, running: 0, finished: true });
    expect(body.createdBy).toEqual({ id: people.rita.user.id, name: "Rita Ops" });
    expect(body.deals.every((d) => d.status === "extracted" && d.runId.startsWith("run_"))).toBe(true);

    const list = await t.request("GET", "/v1/batches", { token: people.rita.token });
    expect(((await list.json()) as { batches: { id: string; counts: { done: number } }[] }).batches).toEqual([
      expect.objectContaining({ id: result.batchId, counts: expect.objectContaining({ done: 3 }) }),
    ]);
  });

  it("sent twice, creates no second deal, stores no file twice and starts no second extraction", async () => {
    await postBatch(sampleBatchForm());
    await t.deps.jobs.idle();
    const before = countStored(t);
    const res = await postBatch(sampleBatchForm());
    expect(res.status).toBe(202);
    const again = (await res.json()) as BatchResult;
    expect(again.deals.map((d) => d.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    await t.deps.jobs.idle();
    const after = countStored(t);
    expect({ ...after, batches: before.batches, audit: before.audit }).toEqual(before);
    expect(after.batches).toBe(before.batches + 1);
  });

  it("extracts only the file a re-run adds, and previews it as such", async () => {
    await postBatch(sampleBatchForm());
    await t.deps.jobs.idle();
    const manifest = [
      "deal_key,account,close_date,ae_email,files",
      "CRM-1002,Harbor Labs,2026-03-02,dana.whitlock@corvala.example,deals/harbor-labs/closing-call.txt;follow-up.txt",
    ].join("\n");
    const files = {
      "deals/harbor-labs/closing-call.txt": readFileSync(join(SAMPLE_MANIFEST_DIR, "deals/harbor-labs/closing-call.txt")),
      "follow-up.txt": "Omar: The Jira integration must be live by March 20.\n",
    };
    const dry = (await (await postBatch(batchForm(manifest, files), "?dryRun=true")).json()) as BatchResult;
    expect(dry.deals[0]).toMatchObject({ status: "planned", reason: "existing deal, 1 source to extract" });
    const res = (await (await postBatch(batchForm(manifest, files))).json()) as BatchResult;
    expect(res.deals[0]!.status).toBe("queued");
    await t.deps.jobs.idle();
    const runs = t.deps.runs.listForDeal(res.deals[0]!.dealId!);
    expect(runs.map((run) => run.sourceIds.length)).toEqual([1, 1]);
    expect(t.deps.sources.listMeta(res.deals[0]!.dealId!)).toHaveLength(2);
  });

  it("sent twice at once, still makes one deal per key and one extraction per deal", async () => {
    const answers = await Promise.all([postBatch(sampleBatchForm()), postBatch(sampleBatchForm())]);
    expect(answers.map((res) => res.status)).toEqual([202, 202]);
    await t.deps.jobs.idle();
    expect(countStored(t)).toMatchObject({ deals: 3, sources: 7, runs: 3, batches: 2 });
  });

  it("with dryRun=true changes nothing and answers what would happen; the offline extractor makes no LLM call", async () => {
    const before = countStored(t);
    const res = await postBatch(sampleBatchForm(), "?dryRun=true");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      batchId: null,
      deals: [
        { dealKey: "CRM-1001", dealId: null, status: "planned", reason: "new deal, 4 sources to extract" },
        { dealKey: "CRM-1002", dealId: null, status: "planned", reason: "new deal, 1 source to extract" },
        { dealKey: "CRM-1003", dealId: null, status: "planned", reason: "new deal, 2 sources to extract" },
      ],
      estimate: { calls: 0, promptTokens: 0, outputTokens: 0, cost: null },
    });
    expect(countStored(t)).toEqual(before);
  });
});
