/**
 * Words with which a person says the buying decision is theirs ("But the decision is mine.", "It's primarily my
 * decision", "I make the final call"): the offline extractor files such a line under the speaker, and the people map
 * makes the speaker the decision maker.
 */
export const OWN_DECISION_PHRASES =
  "(?:the )?decision is mine|(?:it's|it is) (?:primarily |ultimately |really )?my (?:decision|call)|my decision|(?:i|i'll) make the (?:final )?(?:decision|call)|i have the final say";

const SAYS_OWN_DECISION = new RegExp(`\\b(?:${OWN_DECISION_PHRASES})\\b`, "i");

/** Whether a sentence says the decision is the speaker's. */
export function saysOwnDecision(sentence: string): boolean {
  return SAYS_OWN_DECISION.test(sentence);
}
