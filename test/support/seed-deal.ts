import type { DraftItem } from "../../src/domain/item.ts";
import { NO_USAGE } from "../../src/domain/usage.ts";
import { approveHandoff } from "../../src/handoff/approve-handoff.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import type { Deal } from "../../src/domain/deal.ts";
import type { TestApp, TestUser } from "./test-app.ts";

/** A short call transcript whose quotes tests can check; one phrase per segment. */
export const SAMPLE_CALL_VTT = `WEBVTT

1
00:00:01.000 --> 00:00:05.000
<v Nate Brennan>We need the pilot live before the March 3 peak season.

2
00:00:05.000 --> 00:00:09.000
<v Dana Whitlock>We will refund the onboarding fee if the pilot misses that date.

3
00:00:09.000 --> 00:00:14.000
<v Nate Brennan>Our budget is $180K for the first year, and Ray signs off on security.
`;

/** Adds a deal owned by `ae` straight through the repository (no route involved), with an optional CSM. */
export function seedDeal(
  t: TestApp,
  ae: TestUser,
  csm?: TestUser,
  account = "Kestrel Ridge Freight",
  closeDate: string | null = "2026-02-06",
): Deal {
  return t.deps.deals.add(
    { account, closeDate, amount: 77040, currency: "USD", aeId: ae.user.id, csmId: csm?.user.id ?? null },
    t.deps.now(),
  );
}

/** Parses and stores a source for a deal as an upload would; returns the parse. */
export async function seedSource(
  t: TestApp,
  dealId: string,
  uploadedBy: TestUser,
  filename = "call.vtt",
  text = SAMPLE_CALL_VTT,
): Promise<ParsedSource> {
  const bytes = new TextEncoder().encode(text);
  const parsed = await parseSource(bytes, filename, t.deps.config.limits);
  t.deps.sources.add(dealId, parsed, bytes, uploadedBy.user.id, t.deps.now());
  return parsed;
}

export type SeededDeal = { deal: Deal; sourceId: string; itemId: string; runId: string; version: number };

/**
 * A deal with everything a route can act on: a source, a verified draft item, an answered gap
 * ("competition"), an extraction run and an approved version 1.
 */
export async function seedFullDeal(t: TestApp, ae: TestUser, csm?: TestUser): Promise<SeededDeal> {
  const deal = seedDeal(t, ae, csm);
  const parsed = await seedSource(t, deal.id, ae);
  const segment = parsed.segments[1]!;
  const item: DraftItem = {
    id: `itm_${deal.id}`,
    section: "promises",
    statement: "Corvala refunds the onboarding fee if the pilot misses March 3.",
    citations: [
      {
        sourceId: parsed.source.id,
        segmentId: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        quote: segment.text,
        charStart: segment.charStart,
        charEnd: segment.charEnd,
        match: "exact",
      },
    ],
    status: "draft",
  };
  const run = t.deps.runs.create(deal.id, ae.user.id, t.deps.now());
  t.deps.items.addIfNew(deal.id, [{ item, needsChecking: false }], run.id, t.deps.now());
  t.deps.runs.markSucceeded(
    run.id,
    { extractor: { kind: "offline" }, usage: NO_USAGE, sourceIds: [parsed.source.id], itemsAdded: 1 },
    t.deps.now(),
  );
  t.deps.gapAnswers.set(deal.id, "competition", "No competitor was named on the calls.", ae.user.id, t.deps.now());
  const { version } = approveHandoff(t.deps, deal, ae.user.id);
  return { deal, sourceId: parsed.source.id, itemId: item.id, runId: run.id, version: version.version };
}
