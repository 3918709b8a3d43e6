import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Citation } from "../../src/domain/citation.ts";
import type { DraftItem } from "../../src/domain/item.ts";
import type { SectionKey } from "../../src/domain/sections.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import type { TestApp, TestUser } from "./test-app.ts";

const SAMPLE_DEAL_DIR = join(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");
const DISCOVERY_CALL = "discovery-call-2026-01-13.vtt";

/** Creates a deal for the AE (assigned to the CSM when given) through the API; returns its id. */
export async function createDeal(t: TestApp, ae: TestUser, csm?: TestUser): Promise<string> {
  const res = await t.request("POST", "/v1/deals", {
    token: ae.token,
    json: { account: "Kestrel Ridge Freight", closeDate: "2026-02-06", ...(csm ? { csmId: csm.user.id } : {}) },
  });
  if (res.status !== 201) throw new Error(`deal creation answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** Uploads one file of the sample deal through the API and returns its parse as stored. */
export async function uploadSampleFile(t: TestApp, ae: TestUser, dealId: string, filename = DISCOVERY_CALL): Promise<ParsedSource> {
  const res = await t.request("POST", `/v1/deals/${dealId}/sources`, {
    token: ae.token,
    json: { filename, contentBase64: readFileSync(join(SAMPLE_DEAL_DIR, filename)).toString("base64") },
  });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}`);
  const { sources } = (await res.json()) as { sources: { id: string }[] };
  return t.deps.sources.getParsed(dealId, sources[0]!.id)!;
}

/** A verified citation of the segment containing `phrase`, built from the source text like the grounding does. */
export function citeSegment(parsed: ParsedSource, phrase: string): Citation {
  const segment = parsed.segments.find((s) => s.text.includes(phrase));
  if (segment === undefined) throw new Error(`no segment contains ${phrase}`);
  return {
    sourceId: parsed.source.id,
    segmentId: segment.id,
    speaker: segment.speaker,
    startMs: segment.startMs,
    quote: parsed.source.text.slice(segment.charStart, segment.charEnd),
    charStart: segment.charStart,
    charEnd: segment.charEnd,
    match: "exact",
    filename: parsed.source.filename,
  };
}

/** An item as an extraction run stores it, before any review. */
export function extractedItem(id: string, section: SectionKey, statement: string, citations: Citation[]): DraftItem {
  return { id, section, statement, citations, status: "draft", details: {}, origin: "extracted" };
}

export type ReviewDeal = {
  dealId: string;
  source: ParsedSource;
  /** Ids of the seeded items: three cited ones and one whose only citation failed verification. */
  ids: { champion: string; pain: string; it: string; unverified: string };
};

/** A deal with the discovery call uploaded and four extracted items stored as an extraction run would. */
export async function seedReviewDeal(t: TestApp, ae: TestUser, csm?: TestUser): Promise<ReviewDeal> {
  const dealId = await createDeal(t, ae, csm);
  const source = await uploadSampleFile(t, ae, dealId);
  const ids = { champion: "itm_seed_champion", pain: "itm_seed_pain", it: "itm_seed_it", unverified: "itm_seed_unverified" };
  const unverified: Citation = {
    ...citeSegment(source, "Tuesday's our heaviest day"),
    quote: "we will churn by March",
    match: "unverified",
  };
  t.deps.items.addIfNew(
    dealId,
    [
      {
        item: extractedItem(ids.champion, "stakeholders", "Nate Brennan is Director of Customer Service at Kestrel Ridge.", [
          citeSegment(source, "Nate Brennan, Director of Customer Service"),
        ]),
        needsChecking: false,
      },
      {
        item: extractedItem(ids.pain, "whyTheyBought", "Tuesday is the support team's heaviest day.", [
          citeSegment(source, "Tuesday's our heaviest day"),
        ]),
        needsChecking: false,
      },
      {
        item: extractedItem(ids.it, "technicalEnvironment", "Ray Tanaka (Director of IT) must be able to support the tool.", [
          citeSegment(source, "Ray Tanaka, Director of IT"),
        ]),
        needsChecking: false,
      },
      { item: extractedItem(ids.unverified, "redFlags", "The customer threatens to churn by March.", [unverified]), needsChecking: true },
    ],
    null,
    t.deps.now(),
  );
  return { dealId, source, ids };
}
