/**
 * A statement without one of its quotes: what a stage says when it drops a citation, so the statement never
 * shows words the item no longer cites. A statement that does not hold the quote is returned as it is.
 */
export function removeQuote(statement: string, quote: string): string {
  const flat = quote.replace(/\s+/g, " ").trim();
  const at = statement.indexOf(flat);
  if (at === -1) return statement;
  return `${statement.slice(0, at)}${statement.slice(at + flat.length)}`
    .replace(/“\s+/g, "“")
    .replace(/\s+”/g, "”")
    .replace(/ {2,}/g, " ")
    .replace(/:?\s*“”/g, "")
    .trim();
}
