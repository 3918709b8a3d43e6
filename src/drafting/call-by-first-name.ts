/**
 * Markdown lines with each person named in full the first time in each part and by first name after ("Ray Tanaka:
 * “…”" then "Ray: “…”"), as one writes about people; a line `startsPart` says begins a new part (all lines are one
 * part without it). Quotes (“…”) and bold text (a stakeholder's heading) are left as they are, and so is every line
 * `keepsNames` says introduces people (the draft's people map): its names count as said. A person whose first name
 * another person of `people` shares, who has no surname, or whose name has a digit ("Speaker 1") is always named in full.
 */
export function callByFirstName(
  lines: string[],
  people: string[],
  startsPart: (line: string) => boolean = () => false,
  keepsNames: (index: number) => boolean = () => false,
): string[] {
  const firstNames = new Map<string, number>();
  const names = [...new Set(people.map((p) => p.trim().replace(/\s+/g, " ")).filter((p) => p.includes(" ") && !/\d/.test(p)))];
  for (const name of names) firstNames.set(firstOf(name), (firstNames.get(firstOf(name)) ?? 0) + 1);
  // Longest first, so "Lee Parkinson" is never read as "Lee Park" followed by letters.
  const shortened = names.filter((name) => firstNames.get(firstOf(name)) === 1).sort((a, b) => b.length - a.length);
  if (shortened.length === 0) return lines;
  const named = new Set<string>();
  return lines.map((line, index) => {
    if (startsPart(line)) named.clear();
    if (keepsNames(index)) {
      for (const { name } of findNames(line, shortened)) named.add(name);
      return line;
    }
    return !shortened.some((name) => line.includes(name))
      ? line
      : // Quotes and bold spans stay whole: a quote is the source's words, a bold name is the person's heading.
        line
          .split(/(“[^”]*”|\*\*[^*]+\*\*)/)
          .map((part, i) => {
            const found = findNames(part, shortened);
            if (i % 2 === 1) {
              for (const { name } of found) named.add(name);
              return part;
            }
            let out = "";
            let at = 0;
            for (const { name, start } of found) {
              out += part.slice(at, start) + (named.has(name) ? firstOf(name) : name);
              named.add(name);
              at = start + name.length;
            }
            return out + part.slice(at);
          })
          .join("");
  });
}

/**
 * Where whole names occur in a text, in order and without overlap: a name neither preceded nor followed by a letter or
 * digit. Plain string search: the brief is rendered per request, and a pattern built per brief would be compiled
 * per request.
 */
function findNames(text: string, names: string[]): { name: string; start: number }[] {
  const found: { name: string; start: number }[] = [];
  for (const name of names) {
    for (let start = text.indexOf(name); start !== -1; start = text.indexOf(name, start + 1)) {
      const end = start + name.length;
      if (isWordCharacter(text[start - 1]) || isWordCharacter(text[end])) continue;
      if (found.some((f) => start < f.start + f.name.length && f.start < end)) continue;
      found.push({ name, start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
}

function firstOf(name: string): string {
  return name.split(" ")[0]!;
}
