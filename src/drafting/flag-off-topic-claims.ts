import type { SourceWarning } from "../domain/draft.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

const OFF_TOPIC_FLAG = "off-topic-source";

/**
 * A claim whose every verified quote comes from an off-topic source is listed for checking, with the
 * reason in `details.needsCheckingReason`: the file may belong to another deal, or to none.
 */
export function flagOffTopicClaims(items: GroundedCandidate[], warnings: SourceWarning[]): GroundedCandidate[] {
  const offTopic = new Map(warnings.filter((w) => w.kind === "off-topic-source").map((w) => [w.sourceId, w]));
  if (offTopic.size === 0) return items;
  return items.map((item) => {
    const verified = item.citations.filter((c) => c.match !== "unverified");
    if (verified.length === 0 || !verified.every((c) => offTopic.has(c.sourceId))) return item;
    const reason = offTopic.get(verified[0]!.sourceId)!.message;
    return {
      ...item,
      details: { ...item.details, needsCheckingReason: reason },
      flags: [...(item.flags ?? []).filter((flag) => flag !== OFF_TOPIC_FLAG), OFF_TOPIC_FLAG],
    };
  });
}

/** True for an item resting only on a source that shares nothing with the rest of the deal. */
export function isOffTopicClaim(item: { flags?: string[] | undefined }): boolean {
  return item.flags?.includes(OFF_TOPIC_FLAG) === true;
}
