/**
 * Markdown lines of one part of the brief with each person named in full the first time and by first name after
 * ("Ray Tanaka: “…”" then "Ray: “…”"), as one writes about people. Quotes (“…”) and bold text (a stakeholder's
 * heading) are left as they are; a person whose first name another person of `people` shares, or who has no
 * surname, is always named in full.
 */
export function callByFirstName(lines: string[], people: string[]): string[] {
  const firstNames = new Map<string, number>();
  const names = [...new Set(people.map((p) => p.trim().replace(/\s+/g, " ")).filter((p) => p.includes(" ")))];
  for (const name of names) firstNames.set(firstOf(name), (firstNames.get(firstOf(name)) ?? 0) + 1);
  const shortened = names.filter((name) => firstNames.get(firstOf(name)) === 1).sort((a, b) => b.length - a.length);
  if (shortened.length === 0) return lines;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${shortened.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const named = new Set<string>();
  return lines.map((line) =>
    // Quotes and bold spans stay whole: a quote is the source's words, a bold name is the person's heading.
    line
      .split(/(“[^”]*”|\*\*[^*]+\*\*)/)
      .map((part, i) => {
        if (i % 2 === 1) {
          for (const found of part.match(pattern) ?? []) named.add(found);
          return part;
        }
        return part.replace(pattern, (name) => {
          if (named.has(name)) return firstOf(name);
          named.add(name);
          return name;
        });
      })
      .join(""),
  );
}

function firstOf(name: string): string {
  return name.split(" ")[0]!;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
