/** A case-insensitive global regex for any of the names as a whole word, longest first so "Ann Lee" wins over "Ann"; null for no names. */
export function buildNamePattern(names: Iterable<string>): RegExp | null {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegex);
  return alternatives.length === 0 ? null : new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "gi");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
