import { NUMBER, readNumber } from "./read-numbers.ts";

/** One checkable fact a sentence states: a count of a contract unit, or the date of a deal event. */
export type Fact = {
  /** What the fact is about; two facts with one key must agree. */
  key: string;
  label: string;
  /** Comparable value: the count, or month * 100 + day for dates. */
  value: number;
  /** As written in the sentence ("150", "February 6"). */
  shown: string;
  approximate: boolean;
};

// Units a contract counts; synonyms share a key.
const UNITS = [
  { key: "seats", label: "the seat count", pattern: "seats?|licen[cs]es?" },
  { key: "users", label: "the user count", pattern: "users" },
  { key: "employees", label: "the employee count", pattern: "employees" },
].map((unit) => ({ ...unit, exact: new RegExp(`^(?:${unit.pattern})$`, "i") }));
const QUANTITY = new RegExp(`(\\$|\\bat )?\\b(${NUMBER})\\s+((?:[\\w-]+\\s+){0,2}?)(${UNITS.map((u) => u.pattern).join("|")})\\b`, "gi");
const LOOSE_BEFORE =
  /\b(?:about|around|roughly|approx(?:imately|\.)?|some|nearly|almost|over|under|up to|more than|less than|at least|maybe|like)\s*$|~\s*$/i;
// "from 100 to 150 seats" and "instead of" describe a change, not a claim that can contradict another source.
const CHANGE = /\bfrom\b[^.?!]*\bto\b|\binstead of\b|\bversus\b|\bvs\.?\s|\bgrew\b|\bwent from\b|\bdoubl\w+/i;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?";
const DATE = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?|\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}\\b`, "gi");
const EVENTS: { key: string; label: string; pattern: RegExp }[] = [
  { key: "go-live", label: "the go-live date", pattern: /\bgo[- ]?live\b|\blive (?:on|by)\b|\blaunch date\b/i },
  { key: "kickoff", label: "the kickoff date", pattern: /\bkick[- ]?off\b/i },
  { key: "contract-start", label: "the contract start date", pattern: /\b(?:contract|subscription) start\b|\bstart date\b/i },
  { key: "renewal", label: "the renewal date", pattern: /\brenewal date\b|\brenews on\b/i },
  { key: "signature", label: "the signature date", pattern: /\bsignature date\b|\bsigned on\b/i },
];

/** The counts and event dates a sentence states plainly; sentences about a change or with several candidates give none. */
export function readFacts(sentence: string): Fact[] {
  return [...readQuantities(sentence), ...readEventDate(sentence)];
}

function readQuantities(sentence: string): Fact[] {
  if (CHANGE.test(sentence)) return [];
  const facts: Fact[] = [];
  for (const match of sentence.matchAll(QUANTITY)) {
    const [, pricePrefix, number, between, unitWord] = match;
    // "$492 per seat", "at four ninety-two a seat": a price, not a count.
    if (pricePrefix !== undefined || /\b(?:a|an|per|each)\b/i.test(between ?? "") || /\bper\s*$/i.test(sentence.slice(0, match.index)))
      continue;
    const value = readNumber(number!);
    if (value === null || value === 0) continue;
    const unit = UNITS.find((u) => u.exact.test(unitWord!))!;
    const before = sentence.slice(0, match.index);
    const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 16);
    const approximate = LOOSE_BEFORE.test(before) || /^,?\s*(?:give or take|or so|roughly)/i.test(after);
    facts.push({ key: unit.key, label: unit.label, value, shown: number!, approximate });
  }
  // Two different counts of one unit in one sentence compare them; neither is the deal's number.
  return facts.filter((f) => !facts.some((g) => g.key === f.key && g.value !== f.value));
}

function readEventDate(sentence: string): Fact[] {
  const events = EVENTS.filter((event) => event.pattern.test(sentence));
  const dates = [...sentence.matchAll(DATE)];
  if (events.length !== 1 || dates.length !== 1) return [];
  const match = dates[0]!;
  const monthName = (match[1] ?? match[5])!.toLowerCase().slice(0, 3);
  const day = Number(match[2] ?? match[4]);
  const month = MONTHS.indexOf(monthName) + 1;
  if (month === 0 || day < 1 || day > 31) return [];
  const event = events[0]!;
  return [{ key: event.key, label: event.label, value: month * 100 + day, shown: match[0], approximate: false }];
}
