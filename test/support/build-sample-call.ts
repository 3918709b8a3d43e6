import type { Segment } from "../../src/domain/source.ts";
import { TextBuilder } from "../../src/ingest/text-builder.ts";

/** A hand-written sales call (speaker, start in seconds, text) exercising every grounding rule. */
export const SAMPLE_CALL_TURNS: ReadonlyArray<readonly [string, number, string]> = [
  ["Kevin", 0, "Nicole, thanks for the follow-up. I've got to be honest—the price is higher than what we budgeted for."],
  ["Nicole", 12, "I appreciate you being direct, Kevin. Can I ask what you had budgeted?"],
  ["Kevin", 20, "We were thinking more like $50-60K annually. Your quote came in at $110K."],
  ["Nicole", 31, "So um, we will refund the setup fee if you, you know, cancel within 30 days."],
  ["Kevin", 45, "Okay. And the renewal was $180K for the second year, right?"],
  ["Nicole", 52, "Right. We'll have the integration with Salesforce done by March 15."],
  ["Kevin", 60, "We don't use the reporting module and we never log calls on Fridays."],
  ["Nicole", 70, "We can offer a 12% discount on a three-year term, and I'll send the contract on Tuesday at 3pm."],
  ["Kevin", 80, "Our CFO, Dana Whitfield, signs anything above $100K."],
  ["Nicole", 88, "Sounds good — I'll loop in Priya from onboarding… she runs the “white-glove” kickoff."],
  ["Kevin", 95, "yeah the the intergration has to be live before we roll out to the 32 reps"],
  ["Nicole", 101, "We will refund the setup fee."],
  ["Kevin", 110, "The customer pays the vendor $5K upfront and we might sign the order by Friday."],
  ["Nicole", 118, "Headcount went from 18 to 28 reps, and they pay us at least 10% more for premium support."],
];

/** The sample call as a parsed source: text with "\n\n" between segments, ids s1…s14. */
export function buildSampleCall(): { source: { text: string }; segments: Segment[] } {
  const builder = new TextBuilder(100);
  for (const [speaker, seconds, text] of SAMPLE_CALL_TURNS) {
    builder.add({ speaker, startMs: seconds * 1000, endMs: null, text });
  }
  const { text, segments } = builder.finish();
  return { source: { text }, segments };
}
