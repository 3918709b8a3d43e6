// The report page's batches: each import with its progress, the failed rows' reasons, tokens, newest first.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_CALL_VTT } from "../support/seed-deal.ts";
import { addBatchPeople, batchForm, type BatchPeople } from "../support/batch-world.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { getPage, signIn } from "./web-session.ts";

let t: TestApp;
let people: BatchPeople;
beforeEach(() => {
  t = createTestApp();
  people = addBatchPeople(t);
});
afterEach(async () => {
  await t.close();
});

describe("the report page's batches", () => {
  it("lists each batch with deals settled, failed rows with their reason and tokens so far", async () => {
    const manifest = [
      "deal_key,account,close_date,ae_email,files",
      "CRM-1,Acme,2026-03-01,dana.whitlock@corvala.example,call.vtt",
      "CRM-2,Beta,2026-03-01,ghost@corvala.example,call.vtt",
    ].join("\n");
    const res = await t.request("POST", "/v1/batches", {
      token: people.rita.token,
      body: batchForm(manifest, { "call.vtt": SAMPLE_CALL_VTT }),
    });
    expect(res.status).toBe(202);
    await t.deps.jobs.idle();
    const page = await (await getPage(t, await signIn(t, people.rita.token), "/reports")).text();
    expect(page).not.toContain("No batches yet.");
    expect(page).toContain('<span class="progress-text">2/2 deals settled</span>');
    expect(page).toContain("Rita Ops");
    expect(page).toMatch(
      /<summary>1 deal<\/summary><ul><li><strong>CRM-2<\/strong>: line 3: ae_email: no AE with the email ghost@corvala\.example<\/li>/,
    );
    expect(page).toContain("0 prompt + 0 output");
    expect(page).toContain(">Finished<");
  });
});
