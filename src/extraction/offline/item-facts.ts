import type { SectionKey } from "../../domain/sections.ts";
import type { Side } from "../../domain/side.ts";
import type { Person } from "./deal-people.ts";

/** What the extractor knows about one item when it fills the section's details and writes its statement. */
export type ItemFacts = {
  section: SectionKey;
  /** What the strongest cue said about the item (a red flag's kind, a pain or a trigger). */
  kind?: string;
  /** The cited sentences, in order. */
  text: string;
  speaker: string | null;
  side: Side | null;
  /** People of the deal the sentences name. */
  named: Person[];
  /** The person the sentence addresses or answers, when the turns show it. */
  addressee: string | null;
  answer?: { speaker: string | null; text: string; resolved: "yes" | "no" | "partly" | "unknown" };
  looksUnrealistic?: boolean;
  /** Whether a name is the seller's own company, which is never its own competitor. */
  isSellerCompany?: (name: string) => boolean;
};
