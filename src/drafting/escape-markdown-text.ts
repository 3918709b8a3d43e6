const ESCAPES: Record<string, string> = { "\\": "\\\\", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]" };

/**
 * Text from sources (statements, quotes, names, file names) made inert for any Markdown renderer, on one line:
 * `<` and `>` become entities, so no HTML tag or `<scheme:…>` autolink can form; every bracket is escaped (and
 * backslashes first, so a source's own `\` cannot undo that), so no link, image or link definition can form,
 * whatever its scheme. Bare http(s) URLs and email addresses stay as text a renderer may link, as it would anyway.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\<>[\]]/g, (character) => ESCAPES[character] ?? character);
}
