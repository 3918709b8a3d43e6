import type { Side } from "../domain/side.ts";
import type { ParsedSource, Participant } from "../domain/source.ts";
import type { SideResolver } from "./side-resolver.ts";
import { inferColleagueSides } from "./infer-colleague-sides.ts";
import { inferSidesFromSpeech, buildSideKey } from "./infer-sides-from-speech.ts";

/**
 * Which side of the deal a speaker is on, using every source of the deal: a call transcript
 * rarely says who sells, but the email thread or order form of the same deal usually does.
 * Speakers still unknown take the side of a colleague who introduces them ("Elaine, our COO"),
 * and, when asked, in a bare transcript the side their speech shows ("your team" against "our CFO").
 */
export function createSideResolver(sources: ParsedSource[], options: { fromSpeech?: boolean } = {}): SideResolver {
  const direct = memoize(createDirectResolver(sources));
  const introduced = inferColleagueSides(sources, direct);
  const named = memoize((sourceId, speaker) => {
    const side = direct(sourceId, speaker);
    if (side !== null || speaker === null) return side;
    return introduced.get(speaker.trim().toLowerCase()) ?? introduced.get(readFirstName(speaker)) ?? null;
  });
  if (options.fromSpeech !== true) return named;
  // Last resort for a bare transcript: how the speakers talk. A guess, so only the offline rules ask for it.
  const spoken = inferSidesFromSpeech(sources, named);
  return memoize((sourceId, speaker) => {
    const side = named(sourceId, speaker);
    if (side !== null || speaker === null) return side;
    return spoken.get(buildSideKey(sourceId, speaker)) ?? null;
  });
}

// Every sentence of a turn asks again for the same speaker.
function memoize(resolve: SideResolver): SideResolver {
  const known = new Map<string, Side | null>();
  return (sourceId, speaker) => {
    const key = buildSideKey(sourceId, speaker ?? "");
    let side = known.get(key);
    if (side === undefined) {
      side = resolve(sourceId, speaker);
      known.set(key, side);
    }
    return side;
  };
}

function createDirectResolver(sources: ParsedSource[]): SideResolver {
  const dealSides = new Map<string, Side | "conflict">();
  const firstNames = new Map<string, Side | "conflict">();
  const remember = (map: Map<string, Side | "conflict">, key: string, side: Side) => {
    const known = map.get(key);
    map.set(key, known === undefined || known === side ? side : "conflict");
  };
  for (const { source } of sources) {
    for (const participant of source.participants) {
      if (participant.side === undefined) continue;
      for (const key of keysOf(participant)) remember(dealSides, key, participant.side);
      if (participant.name.trim().includes(" ")) remember(firstNames, readFirstName(participant.name), participant.side);
    }
  }
  const byId = new Map(sources.map((s) => [s.source.id, s.source.participants]));
  return (sourceId, speaker) => {
    if (speaker === null) return null;
    const label = speaker.trim().toLowerCase();
    const own = (byId.get(sourceId) ?? []).find((p) => keysOf(p).includes(label));
    if (own?.side) return own.side;
    for (const key of own ? keysOf(own) : [label]) {
      const side = dealSides.get(key);
      if (side !== undefined && side !== "conflict") return side;
    }
    const side = firstNames.get(readFirstName(own?.name ?? speaker));
    return side === undefined || side === "conflict" ? null : side;
  };
}

function readFirstName(name: string): string {
  return name.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
}

function keysOf(participant: Participant): string[] {
  return [participant.name, ...(participant.labels ?? []), participant.email ?? ""]
    .map((key) => key.trim().toLowerCase())
    .filter((key) => key !== "");
}
