export type PiiMask = {
  /** Replaces email addresses and phone numbers with stable placeholders such as [EMAIL_1]. */
  mask(text: string): string;
  /** Puts the originals back wherever the model repeated a placeholder. */
  unmask(text: string): string;
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
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
      return text
        .replace(EMAIL, (value) => placeholderFor("EMAIL", value))
        .replace(PHONE, (value) => (countDigits(value) >= 9 ? placeholderFor("PHONE", value) : value));
    },
    unmask(text) {
      return text.replace(PLACEHOLDER, (placeholder) => byPlaceholder.get(placeholder) ?? placeholder);
    },
  };
}

export const NO_MASK: PiiMask = { mask: (text) => text, unmask: (text) => text };

function countDigits(value: string): number {
  return value.replace(/\D/g, "").length;
}
