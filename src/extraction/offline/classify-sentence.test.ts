import { describe, expect, it } from "vitest";
import type { SectionKey } from "../../domain/sections.ts";
import type { Side } from "../../domain/side.ts";
import { classifySentence } from "./classify-sentence.ts";

// sentence, side of the speaker, expected sections (best first; [] = no item).
type Row = readonly [string, Side | null, SectionKey[]];

const TABLE: Row[] = [
  // promises: commitments by the seller, not by the customer
  ["I'll send over the security questionnaire by Thursday.", "seller", ["promises", "nextSteps"]],
  ["We can waive the onboarding fee if you sign this quarter.", "seller", ["promises"]],
  ["Our team will handle the data migration at no extra cost.", "seller", ["promises"]],
  ["Here's what I'd propose: a 60-day pilot with two of your regions.", "seller", ["promises"]],
  ["We train the support staff in small groups for your team.", "seller", ["promises"]],
  ["Your team runs the export and we map the fields with you.", "seller", []],
  ["I'll be honest, it's been a rough quarter.", "seller", []],
  ["We'll see how the board meeting goes.", "customer", []],
  // a note about the call itself is no commitment; one that names a deliverable is
  ["Great, I'll send you a quick summary after this call.", "seller", []],
  ["I'll send a summary and the rollout plan by Wednesday.", "seller", ["promises", "nextSteps"]],
  ["Thirty minutes, I can come to your office or we can do video.", "seller", []],
  // a seller's ROI arithmetic and another customer's story are not this account's figures or goals
  ["So that's $14 million in additional revenue over two years.", "seller", []],
  ["That's $14 million in annual revenue, and we sell in four states.", "customer", ["accountOverview"]],
  ['"Renewal owner changed twice" or "No login in 30 days" is what the alert says.', "seller", []],
  ["One of our clients cut onboarding from three weeks to under five days.", "seller", []],
  ["We want onboarding cut from three weeks to under five days.", "customer", ["successCriteria"]],
  // next steps: requests, scheduling, signatures
  ["Could you send me the redlined MSA?", "customer", ["nextSteps"]],
  ["Send me the pilot agreement and I'll take it to legal.", "customer", ["nextSteps"]],
  ["Wednesday at 2 works for both of us.", "customer", ["nextSteps"]],
  ["The contract is in DocuSign whenever you're ready.", "seller", ["nextSteps"]],
  // a bare decision is the person's stance (the people map cites it), not a step; signing is one
  ["Alright, we're ready to move forward.", "customer", []],
  ["We're ready to sign once legal has it.", "customer", ["nextSteps"]],
  // objections and concerns from the customer
  ["Honestly I'm worried the reps won't adopt another tool.", "customer", ["objections"]],
  ["The price is higher than what we budgeted for.", "customer", ["objections", "redFlags"]],
  ["What if it doesn't work for our team?", "customer", ["objections"]],
  ["Our last CRM rollout was a disaster and nobody used it.", "customer", ["objections", "technicalEnvironment"]],
  ["Okay, that addresses my concern.", "customer", []],
  // red flags and risks
  ["We froze hiring in March and budgets are being cut.", "customer", ["redFlags"]],
  ["Our VP of Sales is retiring at the end of the quarter.", "customer", ["redFlags", "stakeholders"]],
  ["If SSO isn't there on day one, it's a non-starter.", "customer", ["objections", "technicalEnvironment"]],
  ["Just so you know, the free training isn't in the contract.", "seller", ["redFlags"]],
  ["Is that realistic?", "customer", ["redFlags"]],
  // success criteria and metrics
  ["At ninety days we want onboarding time cut from three weeks to under five days.", "customer", ["successCriteria"]],
  ["The first win would be every rep logging calls in the first two weeks.", "customer", ["successCriteria"]],
  ["We went from 18 to 28 reps last year.", "customer", ["accountOverview"]],
  // why they bought
  ["Our biggest problem is that leads sit for two days before anyone calls.", "customer", ["whyTheyBought"]],
  ["Our current ticketing vendor told us support ends in June.", "customer", ["redFlags", "whyTheyBought"]],
  ["Replaces: legacy on-premises help desk", null, ["whyTheyBought", "technicalEnvironment"]],
  // competition
  ["We also evaluated Freshdesk and a couple of smaller vendors.", "customer", ["competition"]],
  ["Your routing engine is the reason we're here.", "customer", ["competition"]],
  ["Building it ourselves in-house was the other option.", "customer", ["competition"]],
  // technical environment
  ["Everything runs on NetSuite and our warehouse is in BigQuery.", "customer", ["technicalEnvironment"]],
  ["We'd need SAML through Azure AD and SCIM for provisioning.", "customer", ["technicalEnvironment"]],
  // stakeholders and politics
  ["Maria Lopez, our CFO, signs anything over fifty thousand.", "customer", ["stakeholders"]],
  ["Our COO is sponsoring the project.", "customer", ["stakeholders"]],
  ["I'm the account executive here and Sam is our solutions engineer.", "seller", []],
  ["After the reorg, support will report to the head of operations.", "customer", ["politicalDynamics", "redFlags"]],
  ["Dev keeps telling me we could build this in a weekend.", "customer", ["competition", "politicalDynamics"]],
  // account overview
  ["We're a regional grocery distributor with about twelve hundred employees.", "customer", ["accountOverview"]],
  ["Quantity: 85 named user licences", null, ["accountOverview"]],
  ["Total contract value: $214,500.00", null, ["accountOverview"]],
  // round 4: general rules, each with its own made-up example
  ["I'd like to offer you a second onboarding session for the night shift.", "seller", ["promises"]],
  ["We're happy to extend the trial while your admins finish setup.", "seller", ["promises"]],
  ["You should get the credit note within 2 business days.", "seller", ["promises"]],
  ["Feel free to reach out to me directly any time your admins get stuck.", "seller", ["promises"]],
  ["Let me put together a rollout plan for the three depots.", "seller", ["promises"]],
  ["We do monthly check-ins on adoption with every new account.", "seller", ["promises"]],
  ["We don't want another pilot, we want the thing working.", "customer", ["objections"]],
  ["Honestly we're not really interested right now.", "customer", ["objections"]],
  ["Put me through to your manager, I need to speak to a supervisor.", "customer", ["redFlags"]],
  ["I expect faster answers than this if we're going to renew.", "customer", ["successCriteria"]],
  ["Our median first-response time was 19 hours last quarter.", "customer", ["successCriteria"]],
  ["Instead of 3 weeks to onboard, they're seeing 4 days.", "seller", ["successCriteria"]],
  ["Most clinics end up saving 6 hours a week on scheduling.", "seller", ["successCriteria"]],
  ["Our dispatchers don't have a clear escalation path.", "customer", ["whyTheyBought"]],
  ["We end up entering every purchase order twice.", "customer", ["whyTheyBought"]],
  ["The old vendor took weeks to answer a ticket.", "customer", ["whyTheyBought"]],
  ["We don't find out until the invoice bounces.", "customer", ["whyTheyBought"]],
  ["We need someone who can own the data cleanup.", "customer", ["whyTheyBought"]],
  ["If we don't fix onboarding by June, we lose the renewal.", "customer", ["whyTheyBought"]],
  ["We'd like to kick off within the next two weeks.", "customer", ["nextSteps"]],
  ["Let me check what other options we have on the annual plan.", "seller", []],
  ["My name is Dana Ortiz and I run the front desk.", "customer", ["stakeholders"]],
  ["I see you booked 3 workshops for the spring cohort.", "seller", ["accountOverview"]],
  ["We track around 200-250 active accounts at any time.", "customer", ["accountOverview"]],
  ["I read that you raised a Series C in the spring.", "seller", ["accountOverview"]],
  ["Quick one before we start, I saw the board approved a $2M budget for this?", "seller", ["accountOverview"]],
  ["We're the most trusted platform in the industry.", "seller", []],
  // filler and pure questions
  ["Okay, got it, thanks so much.", "seller", []],
  ["What does your current process look like?", "seller", []],
  ["How many reps are on the team today?", "customer", []],
];

describe("classifySentence", () => {
  it.each(TABLE)("%s (%s)", (sentence, side, expected) => {
    expect(classifySentence(sentence, side).map((c) => c.section)).toEqual(expected);
  });

  it("only lets the seller's commitments be promises", () => {
    const sentence = "I'll take care of the data migration by Friday.";
    expect(classifySentence(sentence, "seller")[0]?.section).toBe("promises");
    expect(classifySentence(sentence, "customer").map((c) => c.section)).not.toContain("promises");
  });

  it("counts a one-side cue for less when the side is unknown", () => {
    expect(classifySentence("We can set up a sandbox for you.", "seller").map((c) => c.section)).toEqual(["promises"]);
    expect(classifySentence("We can set up a sandbox for you.", null)).toEqual([]);
  });

  it("reads numbers written in words like digits", () => {
    expect(classifySentence("We have about fourteen hundred employees.", "customer")[0]?.section).toBe("accountOverview");
  });

  it("tips an answer towards the section the question asked about", () => {
    const answer = "It's cheaper until you add the integration work.";
    expect(classifySentence(answer, "customer")).toEqual([]);
    expect(classifySentence(answer, "customer", { topic: "competition" })[0]?.section).toBe("competition");
  });

  it("does not let context alone make an item", () => {
    expect(classifySentence("We spent a long time on that one.", "customer", { topic: "competition", previous: "competition" })).toEqual(
      [],
    );
  });

  it("carries a weak sentence over the line when the previous one had the same section", () => {
    const sentence = "Calls sit on hold while agents chase the status.";
    expect(classifySentence(sentence, "customer")).toEqual([]);
    expect(classifySentence(sentence, "customer", { previous: "whyTheyBought" })[0]?.section).toBe("whyTheyBought");
  });

  it("returns a second section only with its own strong cue", () => {
    for (const [sentence, side] of TABLE) {
      const found = classifySentence(sentence, side);
      expect(found.length).toBeLessThanOrEqual(2);
      if (found.length === 2) expect(found[1]!.section).not.toBe(found[0]!.section);
    }
  });
});
