import type { Citation } from "../domain/citation.ts";
import { OFF_CONTRACT } from "../domain/off-contract.ts";
import type { ParsedSource, Segment } from "../domain/source.ts";
import { findByDay, findDue } from "../extraction/offline/item-details.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { readSourceDate, resolveDueDate, withOfferedWeek, withWeekQualifier } from "./resolve-due-date.ts";

// A later message saying the thing was handed over ("the ROI one-pager went to Elaine yesterday"), or that its
// recipient has it and has read it ("Ray says the SOC 2 report looks fine", "we received the questionnaire").
const DELIVERED =
  /\b(?:went (?:out )?to|(?:i|we) sent|(?:is|are) (?:now )?in (?:docusign|your inbox)|attached (?:is|are)|delivered|as promised|here(?:'s| is| are) the|(?:looks|looked) (?:fine|good|great)|(?:i|we|he|she|they) (?:got|received|reviewed) (?:the|your)|thanks for (?:sending|sharing) (?:the|your|over))\b/i;
// Where a sentence turns to what is still missing: "…looks fine, but his team still has open questions".
const TURN = /,\s+but\s+/i;
const STOP = new Set(
  "about after also and are been before but can has had his her say said still could for from get have here into just like more need our over that the their them then there this those through will with would you your yesterday today tomorrow monday tuesday wednesday thursday friday".split(
    " ",
  ),
);
const MIN_SHARED = 2;

// `index`: the segment's position in its source, so the turn before it is one lookup away.
type Dated = { parsed: ParsedSource; segment: Segment; index: number; date: Date | null };

/**
 * Promises and next steps get a calendar due date counted from the day they were said, and a status:
 * "done" when a later source says the thing was delivered; for a next step due before the deal's latest source,
 * "past"; else "open". Objections get a status from
 * what followed them. Runs on any extractor's items; the extractor's own fields are kept.
 */
export function settleActions(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const where = new Map<string, Dated>();
  for (const parsed of sources) {
    for (const [index, segment] of parsed.segments.entries()) {
      where.set(`${parsed.source.id}|${segment.id}`, {
        parsed,
        segment,
        index,
        date: readSourceDate(segment.occurredAt ?? parsed.source.occurredAt, parsed.source.filename),
      });
    }
  }
  const locate = (c: Citation) => where.get(`${c.sourceId}|${c.segmentId}`);
  const places = [...where.values()];
  const latest = places.reduce<Date | null>((max, { date }) => (date !== null && (max === null || date > max) ? date : max), null);
  // Read once for every promise and step: each is checked against the same sentences.
  let deliveries: Delivery[] | undefined;
  return items.map((extracted) => {
    let item = extracted;
    if (item.section === "objections") return { ...item, details: { ...item.details, ...objectionStatus(item) } };
    if (item.section !== "promises" && item.section !== "nextSteps") return item;
    if (item.section === "promises" && promisesFastGoLive(item) && !item.flags?.includes("unrealistic")) {
      item = { ...item, details: { ...item.details, looksUnrealistic: true }, flags: [...(item.flags ?? []), "unrealistic"] };
    }
    // "To be clear, this isn't on the order form, so please treat this email as our commitment."
    if (item.section === "promises" && saysOffContract(item) && !item.flags?.includes("off-contract")) {
      item = { ...item, flags: [...(item.flags ?? []), "off-contract"] };
    }
    const cited = item.citations.filter((c) => c.match !== "unverified");
    const first = cited[0] === undefined ? undefined : locate(cited[0]);
    if (first === undefined) return item;
    const quotes = cited.map((c) => c.quote).join(" ");
    // "Sam will send a plan with the March 16 milestones by February 11": the "by" day is the due day.
    // An item merged from several places keeps the day its own first sentence or its details give; "Tuesday" keeps
    // the "next week" said with it.
    const stated = typeof item.details.due === "string" ? item.details.due : null;
    const found = findByDay(cited[0]!.quote) ?? stated ?? findDue(quotes);
    const phrase = found === null ? null : withWeekQualifier(found, quotes);
    // "Tuesday at 3 works" is in the week of the options offered in the turn before it (the due words stay as said).
    const day = phrase === null || phrase !== found ? phrase : withOfferedWeek(phrase, turnBefore(first));
    const dueDate = day !== null && first.date !== null ? resolveDueDate(day, first.date) : null;
    deliveries ??= readDeliveries(places);
    const delivery = first.date === null ? null : findDelivery(quotes, first.date, deliveries);
    return {
      ...item,
      details: {
        ...item.details,
        ...(phrase !== null && (item.details.due === undefined || phrase !== found) ? { due: phrase } : {}),
        dueDate,
        status: delivery !== null ? "done" : item.section === "nextSteps" && isPast(dueDate, latest) ? "past" : "open",
        ...(delivery === null ? {} : { statusEvidence: delivery }),
      },
    };
  });
}

/** What another speaker said in the turn before this one; empty at a source's start or after the same speaker. */
function turnBefore({ parsed, segment, index }: Dated): string {
  const previous = parsed.segments[index - 1];
  return previous === undefined || previous.speaker === null || previous.speaker === segment.speaker ? "" : previous.text;
}

// Live in two weeks or less from kickoff: faster than any onboarding with integration and training allows.
const FAST_GO_LIVE =
  /\b(\d+) (days?|weeks?) (?:from [\w ]{3,20} )?to (?:go[- ])?live\b|\bimplementation is (?:actually |only |just )?(\d+) (days?|weeks?)\b|\blive (?:with|in) (\d+) (days?|weeks?)\b/i;
const MAX_REALISTIC_DAYS = 14;

function promisesFastGoLive(item: GroundedCandidate): boolean {
  const text = replaceNumberWords(
    item.citations
      .filter((c) => c.match !== "unverified")
      .map((c) => c.quote)
      .join(" "),
  );
  const match = FAST_GO_LIVE.exec(text);
  if (match === null) return false;
  const amount = Number(match[1] ?? match[3] ?? match[5]);
  const unit = (match[2] ?? match[4] ?? match[6] ?? "").toLowerCase();
  return (unit.startsWith("week") ? amount * 7 : amount) <= MAX_REALISTIC_DAYS;
}

/** Whether a verified quote of the promise says it is outside the signed paper (see OFF_CONTRACT). */
function saysOffContract(item: GroundedCandidate): boolean {
  return item.citations.some((c) => c.match !== "unverified" && OFF_CONTRACT.test(c.quote));
}

/** A dated sentence saying something was handed over: the clause that says so, and that clause's content words. */
type Delivery = { day: number; quote: string; words: Set<string>; filename: string; sourceId: string };

function readDeliveries(places: Dated[]): Delivery[] {
  const found: Delivery[] = [];
  for (const { parsed, segment, date } of places) {
    if (date === null) continue;
    for (const sentence of segment.text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
      if (!DELIVERED.test(sentence)) continue;
      // Only the words that say what was delivered count: not those of what is still open after a ", but".
      const quote = deliveryClause(sentence);
      found.push({ day: dayOf(date), quote, words: contentWords(quote), filename: parsed.source.filename, sourceId: parsed.source.id });
    }
  }
  return found;
}

function findDelivery(quotes: string, said: Date, deliveries: Delivery[]): { quote: string; filename: string; sourceId: string } | null {
  const wanted = contentWords(quotes);
  for (const { day, quote, words, filename, sourceId } of deliveries) {
    if (day <= dayOf(said)) continue;
    let shared = 0;
    for (const word of words) if (wanted.has(word)) shared += 1;
    if (shared >= MIN_SHARED) return { quote, filename, sourceId };
  }
  return null;
}

/**
 * A step due before the deal's latest source was written ("a recap by Friday" on a call three weeks before the signed
 * order form): it belongs to the sale, not to what the CSM takes over. No source says whether it happened.
 */
function isPast(dueDate: string | null, latest: Date | null): boolean {
  return dueDate !== null && latest !== null && dueDate < latest.toISOString().slice(0, 10);
}

/**
 * The part of a delivery sentence that says so: "Ray says the SOC 2 report looks fine" of "…, but his team still
 * has open questions…" (what is still open is an item of its own). A verbatim prefix of the sentence.
 */
function deliveryClause(sentence: string): string {
  const text = sentence.trim();
  const turn = TURN.exec(text);
  if (turn === null || !DELIVERED.test(text.slice(0, turn.index))) return text;
  return text.slice(0, turn.index);
}

function objectionStatus(item: GroundedCandidate): Record<string, unknown> {
  const answered = typeof item.details.answer === "string" && item.details.answer.trim() !== "";
  const resolved = item.details.resolved;
  if (resolved === "yes" || resolved === "partly") return { status: "resolved" };
  if (!answered) return { status: "open", ...(resolved === "unknown" || resolved === undefined ? { resolved: "no" } : {}) };
  return { status: resolved === "no" ? "answeredNotAccepted" : "answered" };
}

function contentWords(text: string): Set<string> {
  return new Set(
    replaceNumberWords(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => w.replace(/(?:er|s)$/, ""))
      .filter((w) => w.length >= 3 && !STOP.has(w)),
  );
}

function dayOf(date: Date): number {
  return Math.floor(date.getTime() / 86_400_000);
}
