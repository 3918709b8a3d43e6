import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VerifyAnswerSchema } from "../../src/grounding/verify-answer.ts";
import { runCapturedCli, useOfflineEnvironment } from "../cli/run-captured-cli.ts";
import { SAMPLE_CALL_VTT, seedDeal, seedSource } from "../support/seed-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

useOfflineEnvironment();

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function setUp() {
  const ae = t.addUser("ae");
  const csm = t.addUser("csm");
  const deal = seedDeal(t, ae, csm);
  const parsed = await seedSource(t, deal.id, ae);
  const verify = (token: string, json: unknown) => t.request("POST", `/v1/deals/${deal.id}/verify`, { token, json });
  return { ae, csm, deal, parsed, verify };
}

describe("POST /v1/deals/{dealId}/verify", () => {
  it("answers an exact quote with offsets into the source text, segment and speaker", async () => {
    const { ae, parsed, verify } = await setUp();
    const res = await verify(ae.token, { source: parsed.source.id, quote: "Our budget is $180K for the first year" });
    expect(res.status).toBe(200);
    const answer = VerifyAnswerSchema.parse(await res.json());
    expect(answer).toMatchObject({ match: "exact", segmentId: parsed.segments[2]!.id, speaker: "Nate Brennan", startMs: 9000, score: 1 });
    expect(parsed.source.text.slice(answer.charStart!, answer.charEnd!)).toBe(answer.quote);
  });

  it("refuses a meaning-changing edit with the reason, and a wrong segment reports where the quote is", async () => {
    const { csm, parsed, verify } = await setUp();
    const negated = VerifyAnswerSchema.parse(
      await (await verify(csm.token, { source: parsed.source.id, quote: "We will not refund the onboarding fee" })).json(),
    );
    expect(negated.match).toBe("unverified");
    expect(negated.reason).toMatch(/not/);
    const amount = VerifyAnswerSchema.parse(
      await (await verify(csm.token, { source: parsed.source.id, quote: "Our budget is $108K" })).json(),
    );
    expect(amount.match).toBe("unverified");
    const moved = VerifyAnswerSchema.parse(
      await (
        await verify(csm.token, { source: parsed.source.id, segment: parsed.segments[0]!.id, quote: "refund the onboarding fee" })
      ).json(),
    );
    expect(moved).toMatchObject({ match: "exact", segmentId: parsed.segments[1]!.id });
    expect(moved.reason).toContain(`cited segment ${parsed.segments[0]!.id} does not contain the quote`);
  });

  it("gives the same answer as `baton verify --json` for the same source and quote", async () => {
    const { ae, parsed, verify } = await setUp();
    const dir = mkdtempSync(join(tmpdir(), "baton-verify-"));
    try {
      const file = join(dir, "call.vtt");
      writeFileSync(file, SAMPLE_CALL_VTT);
      for (const quote of [
        "we need the pilot live before the march 3 peak season",
        "We will not refund",
        "pilot live before the March 3",
        "x".repeat(2500),
      ]) {
        const cli = await runCapturedCli(["verify", "--source", file, "--segment", parsed.segments[1]!.id, "--quote", quote, "--json"]);
        expect(cli.code, cli.stderr).toBe(0);
        const res = await verify(ae.token, { source: parsed.source.id, segment: parsed.segments[1]!.id, quote });
        expect(await res.json()).toEqual(JSON.parse(cli.stdout));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers a quote over 2,000 characters as unverified, like the CLI", async () => {
    const { ae, parsed, verify } = await setUp();
    const answer = VerifyAnswerSchema.parse(await (await verify(ae.token, { source: parsed.source.id, quote: "a ".repeat(1500) })).json());
    expect(answer).toMatchObject({ match: "unverified", charStart: null, quote: null });
    expect(answer.reason).toMatch(/quote too long/);
  });

  it("checks a batch in order, answering an unknown source in the batch without failing the others", async () => {
    const { ae, parsed, verify } = await setUp();
    const res = await verify(ae.token, {
      checks: [
        { source: parsed.source.id, quote: "Ray signs off on security" },
        { source: "src_doesnotexist00", quote: "anything" },
        { source: parsed.source.id, segment: parsed.segments[0]!.id, quote: "before the March 4 peak season" },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: unknown[] };
    const answers = results.map((r) => VerifyAnswerSchema.parse(r));
    expect(answers.map((a) => a.match)).toEqual(["exact", "unverified", "unverified"]);
    expect(answers[1]!.reason).toMatch(/src_doesnotexist00 not found/);
  });

  it("validates the body: 404 for an unknown source, 400 for a bad shape or too many checks", async () => {
    const { ae, parsed, verify } = await setUp();
    const unknown = await verify(ae.token, { source: "src_doesnotexist00", quote: "hello" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    expect((await verify(ae.token, { source: parsed.source.id })).status).toBe(400);
    expect((await verify(ae.token, { source: parsed.source.id, quote: "x", extra: true })).status).toBe(400);
    const tooMany = Array.from({ length: 201 }, () => ({ source: parsed.source.id, quote: "pilot" }));
    const batch = await verify(ae.token, { checks: tooMany });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { error: { message: string } }).error.message).toMatch(/^checks/);
    expect((await verify(ae.token, { checks: [{ source: parsed.source.id }] })).status).toBe(400);
  });

  it("is allowed to whoever may read the deal and hides the deal from everyone else", async () => {
    const { ae, csm, parsed, verify } = await setUp();
    const body = { source: parsed.source.id, quote: "pilot live" };
    expect((await verify(ae.token, body)).status).toBe(200);
    expect((await verify(csm.token, body)).status).toBe(200);
    expect((await verify(t.addUser("revops").token, body)).status).toBe(200);
    expect((await verify(t.addUser("ae").token, body)).status).toBe(404);
    expect((await verify(t.addUser("csm").token, body)).status).toBe(404);
    expect((await verify(t.addUser("admin").token, body)).status).toBe(403);
    expect((await verify("baton_wrong", body)).status).toBe(401);
  });

  it("records which sources were checked, by id only", async () => {
    const { ae, deal, parsed, verify } = await setUp();
    await verify(ae.token, {
      checks: [
        { source: parsed.source.id, quote: "pilot live" },
        { source: parsed.source.id, quote: "peak season" },
      ],
    });
    const entries = t.deps.audit.listForDeal(deal.id).filter((e) => e.objectType === "source");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "view", objectId: parsed.source.id, userId: ae.user.id });
  });
});

describe("POST /v1/deals/{dealId}/verify: the work budget", () => {
  /** A near-miss quote of `length` characters: words of the source, shuffled so nothing verifies cheaply. */
  const nearMiss = (length: number, seed: number) => {
    const words = ["pilot", "budget", "refund", "onboarding", "season", "security", "March", "peak", "Ray", "$180K"];
    let text = "";
    for (let i = seed; text.length < length; i += 7) text += `${words[i % words.length]} `;
    return `${text
      .slice(0, length - 1)
      .trimEnd()
      .padEnd(length - 1, "x")}.`;
  };

  it("answers 413 naming the limit when the quotes to check total over 50,000 characters, and checks nothing", async () => {
    const { ae, parsed, verify } = await setUp();
    const before = t.deps.db.prepare("SELECT COUNT(*) AS n FROM audit_log").get() as { n: number };
    const checks = Array.from({ length: 26 }, (_, i) => ({ source: parsed.source.id, quote: nearMiss(2_000, i) }));
    const res = await verify(ae.token, { checks });
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).toBe(
      "checks: the quotes to check total 52000 characters, over the 50,000 one request may check; split the batch",
    );
    expect(t.deps.db.prepare("SELECT COUNT(*) AS n FROM audit_log").get()).toEqual(before);
  });

  it("checks a batch at the budget, and does not count quotes too long to be checked", async () => {
    const { ae, parsed, verify } = await setUp();
    const atBudget = Array.from({ length: 25 }, (_, i) => ({ source: parsed.source.id, quote: nearMiss(2_000, i) }));
    const full = await verify(ae.token, { checks: atBudget });
    expect(full.status).toBe(200);
    expect(((await full.json()) as { results: unknown[] }).results).toHaveLength(25);
    const tooLong = Array.from({ length: 200 }, (_, i) => ({ source: parsed.source.id, quote: nearMiss(2_001, i) }));
    const res = await verify(ae.token, { checks: tooLong });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { match: string; reason: string }[] };
    expect(results.every((r) => r.match === "unverified" && r.reason.startsWith("quote too long"))).toBe(true);
  });
});
