import type { ParsedSource } from "../../src/domain/source.ts";
import type { SectionKey } from "../../src/domain/sections.ts";
import type { CandidateItem } from "../../src/extraction/extractor.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { buildParsedSource } from "./build-parsed-source.ts";

// A made-up deal for the offline grouping tests: Lena sells Brightdesk; Omar (IT) and Pia (support) buy.
export const BRIGHTDESK_PARTICIPANTS = [
  { name: "Lena Fischer", side: "seller" as const, company: "Brightdesk" },
  { name: "Omar Haddad", side: "customer" as const },
  { name: "Pia Novak", side: "customer" as const },
];

/** A call or thread of the Brightdesk deal, its three people taking part. */
export function brightdeskSource(id: string, filename: string, turns: Parameters<typeof buildParsedSource>[0]["turns"]): ParsedSource {
  return buildParsedSource({ id, filename, participants: BRIGHTDESK_PARTICIPANTS, turns });
}

/** The offline extractor's candidates of one section. */
export async function offlineItemsIn(sources: ParsedSource[], section: SectionKey): Promise<CandidateItem[]> {
  const { items } = await createOfflineExtractor().extract(sources);
  return items.filter((item) => item.section === section);
}

/** An item's quotes, in order. */
export const quotesOf = (item: CandidateItem | undefined) => item?.evidence.map((e) => e.quote);
