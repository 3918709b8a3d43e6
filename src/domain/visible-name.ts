import { z } from "zod";

// Characters that show nothing: whitespace, controls, format characters (zero-width space and joiners, bidi marks),
// default-ignorable ones (Hangul fillers, variation selectors), combining marks with nothing to sit on, braille blank.
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Cn}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/gu;
// Controls (NUL and the like) and the bidi overrides that make a name read differently from what it is.
const FORBIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether `value` has at least one character a reader can see. */
export function hasVisibleCharacter(value: string): boolean {
  return value.replace(INVISIBLE, "") !== "";
}

/**
 * A name people will read (an account, a user): trimmed, at most `max` characters, no control or bidi override
 * characters, and at least one visible character (a name of only NUL, zero-width or blank characters is refused).
 */
export function visibleNameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max)
    .refine((value) => !FORBIDDEN.test(value), "must not contain control or bidi override characters")
    .refine(hasVisibleCharacter, "must contain a visible character");
}
