// A sentence whose subject only points back at what was just said ("To be clear, this isn't on the order form…",
// "That's in writing.", "It'll be there Monday."): it says something of a claim made before it, never what the claim is.
const POINTS_BACK =
  /^(?:(?:and|so|but|again|also|just|to be (?:clear|honest|fair)|just so (?:you know|we're clear)|for the record)[,:]?\s+)*(?:this|that|it)(?:'s|'ll|\s+(?:is|isn't|is not|was|will|won't|stays|goes|comes))\b/i;

/** Whether `sentence` opens on "this", "that" or "it" as its subject, pointing back at a claim said before it. */
export function pointsBack(sentence: string): boolean {
  return POINTS_BACK.test(sentence.trim());
}
