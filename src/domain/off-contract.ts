/**
 * Words that say a commitment is outside the signed paper: "this isn't on the order form", "a side letter", "our
 * verbal commitment". The CSM inherits such a promise with nothing in the contract to point to. Shared by the offline
 * extractor's legal-risk cue and the stage that flags promises on any extractor's items.
 */
export const OFF_CONTRACT_WORDS =
  "(?:isn't|is not|not) (?:on|in) the (?:order form|contract)|off-contract|side letter|verbal (?:agreement|commitment)";

export const OFF_CONTRACT = new RegExp(`\\b(?:${OFF_CONTRACT_WORDS})\\b`, "i");
