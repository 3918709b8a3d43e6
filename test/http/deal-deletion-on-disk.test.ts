// After a deal is deleted, no byte of its text is left in the database file, its WAL or its shared-memory file.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { answerWith } from "../support/llm-test-harness.ts";
import { completionReply, LLM_BASE_URL, setupOpenAiMock } from "../support/msw-openai.ts";
import { SAMPLE_CALL_VTT, seedDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

const llm = setupOpenAiMock();

let t: TestApp | undefined;
afterEach(() => {
  if (t) rmSync(dirname(t.deps.config.dbPath), { recursive: true, force: true });
  t = undefined;
});

/** How often `needle` occurs in the database file and its -wal and -shm companions, as bytes. */
function countOnDisk(dbPath: string, needle: string): number {
  const pattern = Buffer.from(needle, "utf8");
  let hits = 0;
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) hits += 1;
  }
  return hits;
}

/** A deal whose call carries `canary`, uploaded, extracted (the model quotes the canary), gap answered and approved. */
async function seedCanaryDeal(app: TestApp, ae: TestUser, account: string, canary: string): Promise<string> {
  const deal = seedDeal(app, ae, undefined, account);
  const sentence = `Our escalation code word is ${canary}.`;
  const content = `${SAMPLE_CALL_VTT}\n4\n00:00:14.000 --> 00:00:18.000\n<v Dana Whitlock>${sentence}\n`;
  const upload = await app.request("POST", `/v1/deals/${deal.id}/sources`, { token: ae.token, json: { filename: "call.vtt", content } });
  expect(upload.status).toBe(201);
  llm.enqueue(
    completionReply(
      answerWith({
        technicalEnvironment: [
          {
            statement: `The escalation code word is ${canary}.`,
            evidence: [{ segment: "S4", quote: sentence }],
            system: null,
            kind: "security",
          },
        ],
      }),
    ),
  );
  const run = await app.request("POST", `/v1/deals/${deal.id}/extractions?wait=true`, { token: ae.token });
  expect(((await run.json()) as { run: { status: string } }).run.status).toBe("succeeded");
  const answer = await app.request("PUT", `/v1/deals/${deal.id}/gaps/competition`, {
    token: ae.token,
    json: { answer: `No competitor; ask about ${canary}.` },
  });
  expect(answer.status).toBe(200);
  expect((await app.request("POST", `/v1/deals/${deal.id}/approve`, { token: ae.token })).status).toBe(201);
  expect((await app.request("GET", `/v1/deals/${deal.id}/brief?format=md`, { token: ae.token })).status).toBe(200);
  return deal.id;
}

describe("deleting a deal, on disk", () => {
  it("leaves no byte of its text in the database, WAL or shared-memory files, before and after close", async () => {
    t = createTestApp({
      env: { OPENAI_BASE_URL: LLM_BASE_URL, OPENAI_API_KEY: "test-key", BATON_EXTRACTOR: "llm", BATON_LLM_MAX_RETRIES: "0" },
    });
    const ae = t.addUser("ae");
    const doomedCanary = `CANARY${randomUUID().replaceAll("-", "")}`;
    const keptCanary = `KEPT${randomUUID().replaceAll("-", "")}`;
    const doomed = await seedCanaryDeal(t, ae, "Doomed Co", doomedCanary);
    await seedCanaryDeal(t, ae, "Kept Co", keptCanary);
    const dbPath = t.deps.config.dbPath;
    // The items, the LLM cache, the version and the gap answer all carry it before the delete.
    expect(countOnDisk(dbPath, doomedCanary)).toBeGreaterThan(3);

    expect((await t.request("DELETE", `/v1/deals/${doomed}`, { token: ae.token })).status).toBe(204);
    expect(countOnDisk(dbPath, doomedCanary), "while the service still runs").toBe(0);
    expect(countOnDisk(dbPath, keptCanary), "the other deal is untouched").toBeGreaterThan(3);

    t.deps.db.close();
    expect(countOnDisk(dbPath, doomedCanary), "after close").toBe(0);
    expect(countOnDisk(dbPath, keptCanary)).toBeGreaterThan(3);
  });
});
