import type { ParsedSource, Participant } from "../ingest/parsed-source.ts";

export type Side = "seller" | "customer";

export type SideResolver = (sourceId: string, speaker: string | null) => Side | null;

/**
 * Which side of the deal a speaker is on, using every source of the deal: a call transcript
 * rarely says who sells, but the email thread or order form of the same deal usually does.
 */
export function createSideResolver(sources: ParsedSource[]): SideResolver {
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
      const first = participant.name.trim().split(/\s+/)[0]?.toLowerCase();
      if (first && participant.name.includes(" ")) remember(firstNames, first, participant.side);
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
    const first = (own?.name ?? speaker).trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    const side = firstNames.get(first);
    return side === undefined || side === "conflict" ? null : side;
  };
}

function keysOf(participant: Participant): string[] {
  return [participant.name, ...(participant.labels ?? []), participant.email ?? ""]
    .map((key) => key.trim().toLowerCase())
    .filter((key) => key !== "");
}
