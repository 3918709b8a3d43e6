// POST /v1/batches with bad rows (each fails with its reason, the others go on), an unusable manifest (400/413/415),
// and who may import or read batches: RevOps only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_CALL_VTT } from "../support/seed-deal.ts";
import { type BatchPeople, addBatchPeople, batchForm, countStored } from "../support/batch-world.ts";
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

const HEADER = "deal_key,account,close_date,ae_email,files,csm_email";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const postBatch = (body: FormData, token = people.rita.token) => t.request("POST", "/v1/batches", { token, body });

describe("POST /v1/batches: bad rows", () => {
  it("fails each bad row with its reason and imports the rest", async () => {
    const manifest = [
      HEADER,
      "OK-1,Good Co,2026-03-01,dana.whitlock@corvala.example,call.vtt,",
      "BAD-AE,Nobody Co,2026-03-01,ghost@corvala.example,call.vtt,",
      "BAD-DATE,Late Co,2026-02-30,dana.whitlock@corvala.example,call.vtt,",
      "NO-FILE,Empty Co,2026-03-01,dana.whitlock@corvala.example,missing.vtt,",
      "REFUSED,Image Co,2026-03-01,dana.whitlock@corvala.example,logo.png,",
      "BAD-CSM,Csm Co,2026-03-01,dana.whitlock@corvala.example,call.vtt,dana.whitlock@corvala.example",
      "OK-1,Twice Co,2026-03-01,dana.whitlock@corvala.example,call.vtt,",
      "SHORT,Short Co",
    ].join("\n");
    const res = await postBatch(batchForm(manifest, { "call.vtt": SAMPLE_CALL_VTT, "logo.png": PNG }));
    expect(res.status).toBe(202);
    const { deals } = (await res.json()) as BatchResult;
    expect(deals.map((d) => [d.dealKey, d.status, d.reason])).toEqual([
      ["OK-1", "queued", undefined],
      ["BAD-AE", "failed", "line 3: ae_email: no AE with the email ghost@corvala.example"],
      ["BAD-DATE", "failed", "line 4: close_date: not a calendar date"],
      ["NO-FILE", "failed", "line 5: files: missing.vtt: not in the request (send it as a file part with this filename)"],
      ["REFUSED", "failed", expect.stringMatching(/^line 6: files: logo\.png: .*format/i)],
      ["BAD-CSM", "failed", "line 7: csm_email: no CSM with the email dana.whitlock@corvala.example"],
      ["OK-1", "failed", "line 8: deal_key repeats line 2"],
      ["SHORT", "failed", "line 9: the row has 2 cells, the header 6"],
    ]);
    expect(countStored(t).deals).toBe(1);
  });

  it("does not add files to a deal of another AE under the same key", async () => {
    const first = `${HEADER}\nK-9,Acme,2026-03-01,dana.whitlock@corvala.example,call.vtt,`;
    await postBatch(batchForm(first, { "call.vtt": SAMPLE_CALL_VTT }));
    const second = `${HEADER}\nK-9,Acme,2026-03-01,lena.moss@corvala.example,notes.txt,`;
    const res = await postBatch(batchForm(second, { "notes.txt": "Kickoff notes: the pilot starts in March.\n" }));
    const { deals } = (await res.json()) as BatchResult;
    expect(deals[0]).toMatchObject({ status: "failed", reason: expect.stringContaining("K-9 is a deal of another AE") });
    expect(countStored(t).sources).toBe(1);
  });
});

describe("POST /v1/batches: unusable manifests change nothing", () => {
  const cases: [string, () => FormData | string, number, RegExp][] = [
    [
      "a required column absent",
      () => batchForm("deal_key,account,close_date,ae_email\nK,A,2026-01-01,a@b.c", {}),
      400,
      /lacks the column files/,
    ],
    ["not CSV", () => batchForm('deal_key,account\n"unclosed', {}), 400, /not CSV/],
    ["no manifest field", () => batchForm("", {}), 400, /manifest/],
    ["no rows", () => batchForm(`${HEADER}\n`, {}), 400, /no rows/],
    [
      "over 500 rows",
      () => batchForm([HEADER, ...Array.from({ length: 501 }, (_, i) => `K${i},A,2026-01-01,x@y.z,a.txt,`)].join("\n"), {}),
      413,
      /at most 500/,
    ],
    ["a JSON body", () => JSON.stringify({ manifest: [] }), 415, /multipart/],
  ];
  for (const [name, body, status, message] of cases) {
    it(`answers ${status} for ${name}`, async () => {
      const before = countStored(t);
      const sent = body();
      const res =
        typeof sent === "string"
          ? await t.request("POST", "/v1/batches", { token: people.rita.token, json: JSON.parse(sent) })
          : await postBatch(name === "no manifest field" ? new FormData() : sent);
      expect(res.status).toBe(status);
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toMatch(message);
      expect(countStored(t)).toEqual(before);
    });
  }
});

describe("batches: RevOps only", () => {
  it("refuses an AE, a CSM and an administrator: 403, nothing created", async () => {
    const admin = t.addUser("admin");
    const manifest = `${HEADER}\nK-1,Acme,2026-03-01,dana.whitlock@corvala.example,call.vtt,`;
    for (const token of [people.dana.token, people.sam.token, admin.token]) {
      expect((await postBatch(batchForm(manifest, { "call.vtt": SAMPLE_CALL_VTT }), token)).status).toBe(403);
      expect((await t.request("GET", "/v1/batches", { token })).status).toBe(403);
    }
    expect(countStored(t)).toMatchObject({ deals: 0, batches: 0 });
  });

  it("keeps POST /v1/deals for AEs: RevOps creates deals only through a batch", async () => {
    const res = await t.request("POST", "/v1/deals", { token: people.rita.token, json: { account: "Acme" } });
    expect(res.status).toBe(403);
  });

  it("answers 404 for an unknown batch and its events", async () => {
    for (const path of ["/v1/batches/batch_missing", "/v1/batches/batch_missing/events"]) {
      expect((await t.request("GET", path, { token: people.rita.token })).status).toBe(404);
    }
  });
});
