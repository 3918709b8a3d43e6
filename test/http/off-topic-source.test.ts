import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";
import { getPage, signIn } from "../web/web-session.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/deals");

let t: TestApp;
let ae: TestUser;
beforeEach(() => {
  t = createTestApp();
  ae = t.addUser("ae");
});
afterEach(() => t.close());

describe("an off-topic source uploaded with a deal", () => {
  it("is named in the stored draft's warnings and on the review page, its items under needs checking", async () => {
    const created = await t.request("POST", "/v1/deals", {
      token: ae.token,
      json: { account: "Kestrel Ridge Freight", closeDate: "2026-02-06" },
    });
    const dealId = ((await created.json()) as { id: string }).id;
    const form = new FormData();
    for (const path of [
      "kestrel-ridge-freight/pricing-call-2026-01-29.vtt",
      "kestrel-ridge-freight/email-thread.eml",
      "off-topic-probe/mailing-list-thread.eml",
    ]) {
      form.append("file", new Blob([readFileSync(join(FIXTURES, path))]), path.split("/")[1]!);
    }
    expect((await t.request("POST", `/v1/deals/${dealId}/sources`, { token: ae.token, body: form })).status).toBe(201);
    await t.request("POST", `/v1/deals/${dealId}/extractions?wait=true`, { token: ae.token });

    const draft = (await (await t.request("GET", `/v1/deals/${dealId}/draft`, { token: ae.token })).json()) as {
      warnings: { kind: string; filename: string; message: string }[];
      items: { citations: { filename?: string }[] }[];
      needsChecking: { flags?: string[]; citations: { filename?: string }[] }[];
    };
    expect(draft.warnings).toEqual([expect.objectContaining({ kind: "off-topic-source", filename: "mailing-list-thread.eml" })]);
    const fromThread = (item: { citations: { filename?: string }[] }) =>
      item.citations.some((c) => c.filename === "mailing-list-thread.eml");
    expect(draft.items.filter(fromThread)).toEqual([]);
    expect(draft.needsChecking.filter(fromThread).length).toBeGreaterThan(0);

    const session = await signIn(t, ae.token);
    const page = await (await getPage(t, session, `/deals/${dealId}/review`)).text();
    expect(page).toContain("mailing-list-thread.eml shares no people, company or subject with the deal&#39;s other sources");
  });
});
