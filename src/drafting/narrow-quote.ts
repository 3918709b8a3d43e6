// Words that open a spoken sentence and carry nothing of its claim ("Oh, and", "So", "I mean,").
const LEAD_IN =
  /^(?:oh,?|and then,|and|so,?|um,?|uh,?|well,|okay,|ok,|look,|i mean,|realistically,|honestly,|frankly,|as promised,|to be (?:clear|honest|fair),|for the record,|just so you know,)\s+/i;
// A speaker's frame before a colon ("I talked to our services lead and got it approved: Corvala's team will…"):
// said in the first person, which a document's label ("Billing contact and signatory:") never is.
const SPOKEN_FRAME = /^([^:]{3,120}):\s+/;
const FIRST_PERSON = /\b(?:I|I'm|I've|we|we're|we've)\b/i;
// Where a sentence's lead-in clause ends and its claim begins: ", and it's like eleven minutes a call". Never
// ", but": what the claim is set against ("We've tried deal reviews, but with 28 reps…") is part of it.
const CLAUSE_JOIN = /,\s+(?:and|so)\s+/gi;
const NUMBER_OR_DATE =
  /\d|\b(?:one(?! of\b)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|percent|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday|week|month|quarter|year)\b/i;
// What a dropped clause must not hold: a negation, a modal or condition, a number or date (checked apart), a name.
const NEGATION = /n't\b|\b(?:not|no|never|nothing|nobody|none|neither|nor|without|cannot)\b/i;
const MODAL_OR_CONDITION =
  /'ll\b|'d\b|\b(?:will|would|can|could|should|must|might|may|shall|need|needs|have to|has to|going to|gonna|want|wants|if|unless|until|when|then|because|before|after|only|once)\b/i;
// Capitalised words that are not names: pronouns and sentence openers.
const NOT_NAMES =
  /^(?:I|I'\w+|It|It's|Its|They|They're|They've|We|We're|We've|We'll|We'd|You|You're|You'll|You've|He|He's|She|She's|Some|This|That|That's|There|There's|These|Those|The|A|An|Our|My|Your|His|Her|Their|Oh|So|And|But|Or|Which|What|When|Where|Why|How|Who|If|Then|Yes|Yeah|Okay|Ok|Well|Let's|Let|Just|Also|Now|Here|Here's|Please|Thanks|Sure|Right|Great|Anyway|Honestly|Actually|To|In|On|At|For|With|By|From|As|Any|Anything|Everything|All|Every|Each)$/;

const MIN_WORDS = 3;

/**
 * What a quote line shows of a verified quote: a verbatim tail of it, cut only between words. Drops a spoken
 * lead-in ("Oh, and", "So", "I mean,", "Realistically,", "To be clear,", "As promised,"), a first-person frame before a colon that holds no fact
 * ("I talked to our services lead and got it approved:"), and a lead-in clause before ", and" / ", so" when what follows
 * holds a number or a date and the clause holds no negation, modal, condition, number, date or name
 * ("They call in, my agent puts them on hold, …, and it's like eleven minutes a call" keeps "it's like eleven
 * minutes a call …"). `cut` says whether anything was dropped, for the reader's "…".
 */
export function narrowQuote(quote: string): { shown: string; cut: boolean } {
  let shown = quote.trim();
  shown = dropSpokenFrame(shown);
  shown = dropLeadInClause(shown);
  for (let lead = LEAD_IN.exec(shown); lead !== null; lead = LEAD_IN.exec(shown)) {
    const rest = shown.slice(lead[0].length);
    if (countWords(rest) < MIN_WORDS) break;
    shown = rest;
  }
  return { shown, cut: shown !== quote.trim() };
}

function dropSpokenFrame(sentence: string): string {
  const frame = SPOKEN_FRAME.exec(sentence);
  if (frame === null || !FIRST_PERSON.test(frame[1]!) || carriesMeaning(frame[1]!)) return sentence;
  const rest = sentence.slice(frame[0].length);
  return countWords(rest) < MIN_WORDS ? sentence : rest;
}

function dropLeadInClause(sentence: string): string {
  for (const join of sentence.matchAll(CLAUSE_JOIN)) {
    const clause = sentence.slice(0, join.index);
    const rest = sentence.slice(join.index + join[0].length);
    if (countWords(rest) < MIN_WORDS || !NUMBER_OR_DATE.test(rest)) continue;
    if (carriesMeaning(clause)) return sentence;
    return rest;
  }
  return sentence;
}

/**
 * What a delivery sentence says was delivered, "…" marking words left out: its lead-in ("As promised,") and who it was
 * said to ("Gloria, the ROI one-pager went to Elaine yesterday") do not change that it was.
 */
export function showDeliveryWords(quote: string): string {
  const vocative = /^\p{Lu}\p{L}+,\s+(?=\p{Ll})/u.exec(quote.trim());
  const { shown, cut } = narrowQuote(vocative === null ? quote : quote.trim().slice(vocative[0].length));
  return `${cut || vocative !== null ? "…" : ""}${shown}`;
}

/** Whether words hold a modal or condition, or a fact (see holdsFact): what a dropped clause may not hold. */
export function carriesMeaning(clause: string, options: { names: boolean } = { names: true }): boolean {
  return MODAL_OR_CONDITION.test(clause) || holdsFact(clause, options);
}

/** Whether words hold a number, a date, a negation or a name: what no shortening may drop. */
export function holdsFact(text: string, options: { names: boolean } = { names: true }): boolean {
  if (NUMBER_OR_DATE.test(text) || NEGATION.test(text)) return true;
  return (
    options.names &&
    text
      .split(/\s+/)
      .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, ""))
      .some((word) => /^\p{Lu}/u.test(word) && !NOT_NAMES.test(word))
  );
}

/** Words of a text: tokens with a letter or digit (what the eval counts, too). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
