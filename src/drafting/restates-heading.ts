// Words that name no fact: "Gloria Mendez, our CFO" says no more than a heading "Gloria Mendez, CFO".
const FUNCTION_WORDS = new Set(
  "a an the our my your their his her its of and or is are was were this that here there from at in on for with as to by who i i'm we we're he she he's she's it it's me us".split(
    " ",
  ),
);

/**
 * Whether quoted words say nothing a heading line does not: every word that is not a function word (articles,
 * possessives, pronouns, "of", "from") appears in the heading. "Vince Caruso, VP of Terminal Operations" restates the
 * heading "Vince Caruso, VP of Terminal Operations · possible blocker"; "The dispatchers report up through me" does not.
 */
export function restatesHeading(words: string, heading: string): boolean {
  const tokens = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).map((t) => t.replace(/’/g, "'"));
  const shown = tokens(heading);
  const said = tokens(words).filter((token) => !FUNCTION_WORDS.has(token));
  return said.length > 0 && said.every((token) => shown.includes(token) || shown.includes(token.replace(/'s$/, "")));
}
