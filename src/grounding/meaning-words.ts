// Words whose presence changes what a sentence claims: a quote and the passage it cites must
// agree on every one of them (compare-meaning.ts).

const NEGATION_WORDS = new Set([
  "not",
  "no",
  "never",
  "without",
  "none",
  "nobody",
  "nothing",
  "nowhere",
  "neither",
  "nor",
  "cannot",
  "dont",
  "doesnt",
  "didnt",
  "cant",
  "wont",
  "isnt",
  "arent",
  "wasnt",
  "werent",
  "shouldnt",
  "wouldnt",
  "couldnt",
  "hasnt",
  "havent",
  "hadnt",
  "aint",
  "mustnt",
  "neednt",
  "unless",
  "except",
]);

/** The negation a token expresses, in canonical form ("not" for "can't", "cannot", "won't"), or null. */
export function negationOf(key: string): string | null {
  if (key.endsWith("n't")) return "not";
  if (!NEGATION_WORDS.has(key)) return null;
  if (key === "cannot" || key.endsWith("nt")) return "not";
  return key;
}

const MODALS = new Set(["will", "would", "can", "could", "may", "might", "must", "shall", "should"]);
const NEGATED_MODAL_STEMS: Record<string, string> = { wo: "will", ca: "can", sha: "shall" };

/** The modal verb of a token ("will" for "we'll" and "won't", "can" for "cannot"), or null. */
export function modalOf(key: string): string | null {
  if (MODALS.has(key)) return key;
  if (key === "cannot" || key === "cant") return "can";
  if (key === "wont") return "will";
  if (key.endsWith("n't")) {
    const stem = key.slice(0, -3);
    const modal = NEGATED_MODAL_STEMS[stem] ?? stem;
    return MODALS.has(modal) ? modal : null;
  }
  if (key.endsWith("'ll")) return "will";
  if (key.endsWith("'d")) return "would";
  return null;
}

const QUALIFIERS = new Set([
  "only",
  "least",
  "most",
  "more",
  "less",
  "fewer",
  "over",
  "under",
  "above",
  "below",
  "before",
  "after",
  "until",
  "within",
  "all",
  "every",
  "each",
  "some",
  "any",
  "many",
  "few",
  "several",
  "both",
  "either",
  "always",
  "sometimes",
  "usually",
  "often",
  "rarely",
  "almost",
  "nearly",
  "approximately",
  "roughly",
  "about",
  "around",
  "maybe",
  "perhaps",
  "probably",
  "possibly",
  "likely",
  "unlikely",
  "hopefully",
  "definitely",
  "certainly",
]);

/** Words that bound an amount or a claim ("at least", "only", "maybe", "all"). */
export function isQualifier(key: string): boolean {
  return QUALIFIERS.has(key);
}

// Hedges soften a claim without changing what it says happened; a quote may leave one out
// ("based on our analysis, maybe" quoted without "maybe"), never add one.
const HEDGES = new Set(["maybe", "perhaps", "probably", "possibly", "hopefully"]);

/** Whether a qualifier only hedges ("maybe", "probably"), so a quote may omit it. */
export function isHedge(key: string): boolean {
  return HEDGES.has(key);
}

const PERSONS = new Map<string, string>();
for (const [person, forms] of Object.entries({
  "first person singular": ["i", "me", "my", "mine", "myself", "i'm", "i'll", "i've", "i'd"],
  "first person plural": ["we", "us", "our", "ours", "ourselves", "we're", "we'll", "we've", "we'd", "let's"],
  "second person": ["you", "your", "yours", "yourself", "yourselves", "you're", "you'll", "you've", "you'd", "y'all"],
  "third person": [
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "they're",
    "they'll",
    "they've",
    "they'd",
    "he's",
    "she's",
    "he'll",
    "she'll",
  ],
})) {
  for (const form of forms) PERSONS.set(form, person);
}

/** Who a pronoun points at (grammatical person), or null: "we pay them" is not "they pay us". */
export function personOf(key: string): string | null {
  return PERSONS.get(key) ?? null;
}

const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export function scaleOf(key: string): number | null {
  return SCALE_WORDS[key] ?? null;
}

const DATE_WORDS = new Map<string, string>();
for (const [canonical, forms] of Object.entries({
  monday: ["monday", "mon"],
  tuesday: ["tuesday", "tue", "tues"],
  wednesday: ["wednesday", "wed"],
  thursday: ["thursday", "thu", "thur", "thurs"],
  friday: ["friday", "fri"],
  saturday: ["saturday", "sat"],
  sunday: ["sunday", "sun"],
  january: ["january", "jan"],
  february: ["february", "feb"],
  march: ["march", "mar"],
  april: ["april", "apr"],
  may: ["may"],
  june: ["june", "jun"],
  july: ["july", "jul"],
  august: ["august", "aug"],
  september: ["september", "sep", "sept"],
  october: ["october", "oct"],
  november: ["november", "nov"],
  december: ["december", "dec"],
  today: ["today"],
  tomorrow: ["tomorrow"],
  yesterday: ["yesterday"],
  tonight: ["tonight"],
  noon: ["noon"],
  midnight: ["midnight"],
  morning: ["morning", "mornings"],
  afternoon: ["afternoon", "afternoons"],
  evening: ["evening", "evenings"],
  weekend: ["weekend", "weekends"],
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
  year: ["year", "years"],
  quarter: ["quarter", "quarters"],
  hour: ["hour", "hours"],
  minute: ["minute", "minutes"],
  daily: ["daily"],
  weekly: ["weekly"],
  monthly: ["monthly"],
  quarterly: ["quarterly"],
  annually: ["annually", "annual", "yearly"],
  eod: ["eod"],
  eow: ["eow"],
  eoq: ["eoq"],
  eoy: ["eoy"],
})) {
  for (const form of forms) DATE_WORDS.set(form, canonical);
}

// Abbreviations and words that are also ordinary English ("may", "march", "sat") are dates only
// when written as a name or next to a number.
const AMBIGUOUS_DATE_FORMS = new Set([
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
  "jan",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
  "march",
]);

/** The date or time word a token names (canonical), or null. */
export function dateWordOf(key: string, capitalisedMidSentence: boolean, besideNumber: boolean): string | null {
  const canonical = DATE_WORDS.get(key);
  if (canonical === undefined) return null;
  if (AMBIGUOUS_DATE_FORMS.has(key) && !capitalisedMidSentence && !besideNumber) return null;
  return canonical;
}

/** Negations, numbers and unambiguous dates always count as content words, never as droppable ones. */
export function carriesMeaning(key: string): boolean {
  if (negationOf(key) !== null || /\d/.test(key) || key in SCALE_WORDS) return true;
  return DATE_WORDS.has(key) && !AMBIGUOUS_DATE_FORMS.has(key);
}
