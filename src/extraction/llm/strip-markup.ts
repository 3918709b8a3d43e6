// Model-written text ends up in Markdown and HTML views of the draft. An image there is fetched
// as soon as the draft is opened, so a prompt injection could leak deal data through its URL;
// links and raw HTML are the same risk one click later. They are never needed in a fact.
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]*>/g;

/** Removes Markdown images, link targets and HTML tags from model-written text; `changed` says whether any was there. */
export function stripMarkup(text: string): { text: string; changed: boolean } {
  const stripped = text.replace(IMAGE, " ").replace(LINK, "$1").replace(HTML_TAG, " ");
  if (stripped === text) return { text, changed: false };
  return {
    text: stripped
      .replace(/[ \t]{2,}/g, " ")
      .replace(/\s+([.,;:!?])/g, "$1")
      .trim(),
    changed: true,
  };
}
