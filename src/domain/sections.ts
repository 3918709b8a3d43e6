import { z } from "zod";

/** The handoff sections in the order of the spec; every item belongs to exactly one. */
export const SECTION_KEYS = [
  "accountOverview",
  "stakeholders",
  "whyTheyBought",
  "successCriteria",
  "promises",
  "objections",
  "politicalDynamics",
  "competition",
  "technicalEnvironment",
  "redFlags",
  "nextSteps",
] as const;

export const SectionKeySchema = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKeySchema>;

type SectionInfo = { title: string; gapQuestion: string };

export const SECTIONS: Record<SectionKey, SectionInfo> = {
  accountOverview: {
    title: "Account overview",
    gapQuestion:
      "What did the customer buy: contract value, plan or modules, seat count, pricing structure, contract start and renewal date?",
  },
  stakeholders: {
    title: "Stakeholders",
    gapQuestion:
      "Who are the economic buyer, the champion, the technical contact and any skeptic, with their titles and how each feels about the purchase?",
  },
  whyTheyBought: {
    title: "Why they bought",
    gapQuestion: "What pain, in the customer's own words, made them buy now, and what event created the urgency?",
  },
  successCriteria: {
    title: "Success criteria",
    gapQuestion: "What does success look like at 30 and 90 days, which metrics will they measure, and what is the first early win?",
  },
  promises: {
    title: "Promises and commitments",
    gapQuestion:
      "Was anything promised beyond the standard product (dates, integrations, roadmap items, discounts, custom onboarding), by whom and by when?",
  },
  objections: {
    title: "Objections and concerns",
    gapQuestion: "What almost stopped the purchase, how was it answered, and is the customer still worried about anything?",
  },
  politicalDynamics: {
    title: "Political dynamics",
    gapQuestion: "Who champions the purchase and who is skeptical; are there internal conflicts or reorganisations the CSM should know?",
  },
  competition: {
    title: "Competitive landscape",
    gapQuestion: "Which alternatives did they evaluate, why did they choose us, and what almost made them choose someone else?",
  },
  technicalEnvironment: {
    title: "Technical environment",
    gapQuestion:
      "What is their current stack, which integrations and data migration do they need, and are SSO or security reviews pending?",
  },
  redFlags: {
    title: "Red flags and risks",
    gapQuestion:
      "Are there risks to watch: budget pressure, an aggressive timeline, a skeptical or departing stakeholder, unrealistic expectations?",
  },
  nextSteps: {
    title: "Next steps and open items",
    gapQuestion: "Is the kickoff scheduled, and which action items are open, with an owner and a due date for each?",
  },
};
