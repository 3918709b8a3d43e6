export type PiiMask = {
  /** Replaces email addresses and phone numbers with stable placeholders such as [EMAIL_1]. */
  mask(text: string): string;
  /** Puts the originals back wherever the model repeated a placeholder. */
  unmask(text: string): string;
};

// International or North American numbers with at least 9 digits; dates and amounts do not match.
const PHONE = /(?<![\w$])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\w%])/g;
const PLACEHOLDER = /\[(EMAIL|PHONE)_(\d+)\]/g;

/** A deal-wide mask: the same address always gets the same placeholder, in every chunk. */
export function createPiiMask(): PiiMask {
  const byValue = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const counters = { EMAIL: 0, PHONE: 0 };
  const placeholderFor = (kind: "EMAIL" | "PHONE", value: string) => {
    let placeholder = byValue.get(value);
    if (placeholder === undefined) {
      counters[kind] += 1;
      placeholder = `[${kind}_${counters[kind]}]`;
      byValue.set(value, placeholder);
      byPlaceholder.set(placeholder, value);
    }
    return placeholder;
  };
  return {
    mask(text) {
      return replaceEmails(text, (value) => placeholderFor("EMAIL", value)).replace(PHONE, (value) =>
        countDigits(value) >= 9 ? placeholderFor("PHONE", value) : value,
      );
    },
    unmask(text) {
      return text.replace(PLACEHOLDER, (placeholder) => byPlaceholder.get(placeholder) ?? placeholder);
    },
  };
}

export const NO_MASK: PiiMask = { mask: (text) => text, unmask: (text) => text };

const isLocalChar = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Replaces addresses shaped like `local@domain.tld`, scanning out from each "@": a regex such as
 * /[\w.+-]+@…/ retries every start of a long run of letters and takes minutes on a 100 kB token.
 */
function replaceEmails(text: string, replace: (email: string) => string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > copied && isLocalChar(text[start - 1]!)) start -= 1;
    let runEnd = at + 1;
    while (runEnd < text.length && isDomainChar(text[runEnd]!)) runEnd += 1;
    const end = domainEnd(text, at + 1, runEnd);
    if (start === at || end < 0) continue;
    parts.push(text.slice(copied, start), replace(text.slice(start, end)));
    copied = end;
    at = end - 1;
  }
  return copied === 0 ? text : parts.join("") + text.slice(copied);
}

// End of the domain: the last dot (after at least one character) followed by two or more letters.
function domainEnd(text: string, from: number, runEnd: number): number {
  for (let dot = runEnd - 1; dot > from; dot -= 1) {
    if (text[dot] !== ".") continue;
    let end = dot + 1;
    while (end < runEnd && isLetter(text[end])) end += 1;
    if (end - dot - 1 >= 2) return end;
  }
  return -1;
}

function countDigits(value: string): number {
  return value.replace(/\D/g, "").length;
}
