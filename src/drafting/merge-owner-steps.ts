import type { GroundedCandidate } from "./ground-candidates.ts";
import { hasVerified, isFlagged, onlySource } from "./same-claim-rule.ts";
import { countSharedStems, wordStems } from "./word-stems.ts";

const MIN_SHARED = 2;

/**
 * "He'll run the migration and owns the project plan." beside "Sam will send a draft project plan by February 11.":
 * a next step with no due day joins the dated step of the same owner in the same source that shares its subject (two
 * content words), so the AE reads one item per person and piece of work. Runs after pronouns are resolved (an owner
 * may come from "he"), on any extractor's items.
 */
export function mergeOwnerSteps(items: GroundedCandidate[]): GroundedCandidate[] {
  const joined = new Set<GroundedCandidate>();
  const steps = items.filter((item) => item.section === "nextSteps" && hasVerified(item) && !isFlagged(item) && owner(item) !== null);
  // Dated steps by owner and source: a long call's many steps are each compared with their own owner's only.
  const dated = new Map<string, GroundedCandidate[]>();
  const keyOf = (item: GroundedCandidate) => `${owner(item)}|${onlySource(item)}`;
  for (const step of steps) {
    if (!hasDue(step) || onlySource(step) === null) continue;
    const group = dated.get(keyOf(step));
    if (group === undefined) dated.set(keyOf(step), [step]);
    else group.push(step);
  }
  const words = new Map<GroundedCandidate, Set<string>>();
  const wordsOfStep = (item: GroundedCandidate) => words.get(item) ?? words.set(item, wordsOf(item)).get(item)!;
  for (const undated of steps) {
    if (hasDue(undated) || onlySource(undated) === null) continue;
    const own = wordsOfStep(undated);
    const twin = dated.get(keyOf(undated))?.find((step) => countSharedStems(wordsOfStep(step), own) >= MIN_SHARED);
    if (twin === undefined) continue;
    const spans = new Set(twin.citations.map((c) => `${c.charStart}|${c.charEnd}`));
    twin.citations.push(...undated.citations.filter((c) => !spans.has(`${c.charStart}|${c.charEnd}`)));
    twin.evidence.push(...undated.evidence);
    joined.add(undated);
  }
  return joined.size === 0 ? items : items.filter((item) => !joined.has(item));
}

function owner(item: GroundedCandidate): string | null {
  const value = item.details.owner;
  return typeof value === "string" && value.trim() !== "" ? value.trim().toLowerCase() : null;
}

function hasDue(item: GroundedCandidate): boolean {
  return typeof item.details.due === "string" && item.details.due.trim() !== "";
}

function wordsOf(item: GroundedCandidate): Set<string> {
  return wordStems(
    item.citations
      .filter((c) => c.match !== "unverified")
      .map((c) => c.quote)
      .join(" "),
  );
}
