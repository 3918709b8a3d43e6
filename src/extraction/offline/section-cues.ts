import type { SectionKey } from "../../drafting/sections.ts";
import type { Side } from "../speaker-side.ts";

/** One signal that a sentence belongs to a section; `side` limits it to what that side of the deal would say. */
export type SectionCue = { section: SectionKey; pattern: RegExp; weight: number; side?: Side };

const DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|next week|end of (?:the )?(?:day|week|month|quarter|year)|eod|eow)";
const SYSTEMS =
  "salesforce|hubspot|snowflake|okta|azure ad|entra|active directory|sso|saml|scim|oauth|api|apis|webhook|sftp|csv|data warehouse|bigquery|redshift|databricks|looker|tableau|power bi|slack|microsoft teams|zendesk|jira|servicenow|workday|netsuite|sap|oracle|marketo|outreach|gong|zoom|aws|gcp|google cloud|kubernetes|postgres|mysql|sql server|excel|spreadsheets?|crm|erp|soc ?2|iso ?27001|gdpr|hipaa|pen(?:etration)? test|security review|infosec|firewall|vpn";

export const SECTION_CUES: SectionCue[] = [
  // promises: what the seller commits to
  { section: "promises", side: "seller", weight: 3, pattern: /\b(?:i'll|i will|we'll|we will|we're going to|i'm going to|we can guarantee|we guarantee|i promise|we promise|we commit|i commit)\b/i },
  { section: "promises", side: "seller", weight: 2, pattern: /\b(?:let's do|we'd (?:be happy|throw in|include|waive)|we can (?:do|offer|include|waive|extend|give)|at no (?:extra |additional )?cost|free of charge|credited|discount|waive|dedicated|custom onboarding|go[- ]live)\b/i },
  { section: "promises", side: "seller", weight: 1, pattern: new RegExp(`\\b(?:by ${DAY}|within \\d+ (?:days|weeks|hours))\\b`, "i") },

  // next steps and open items
  { section: "nextSteps", weight: 3, pattern: /\b(?:next steps?|send (?:me|you|over|them)|follow[- ]?up|kick[- ]?off|set up (?:a|the) (?:call|meeting|session)|calendar invite|schedule|action items?|proposal|loop in|circle back|get (?:that|it|this) over)\b/i },
  { section: "nextSteps", weight: 1, pattern: new RegExp(`\\b(?:by ${DAY}|let's do it|sign(?:ed)? (?:the )?(?:contract|order form))\\b`, "i") },

  // objections and concerns, raised by the customer
  { section: "objections", side: "customer", weight: 3, pattern: /\b(?:concern(?:ed|s)?|worr(?:y|ied|ies)|hesitant|nervous|skeptical|not (?:sure|convinced)|what if|too (?:expensive|high|much|long|complex)|higher than|more than we|pushback|push back|deal[- ]?breaker|justify|doesn't work|won't work|hard to)\b/i },
  { section: "objections", side: "customer", weight: 1, pattern: /\b(?:but|however|problem is|issue is|honestly)\b/i },

  // red flags and risks
  { section: "redFlags", weight: 3, pattern: /\b(?:budget(?:ed)? (?:cut|freeze|is tight|pressure)|over (?:the )?budget|than (?:what )?we budgeted|hiring freeze|layoffs?|leaving (?:the company|us)|last day|stepping down|new (?:cfo|ceo|cro|vp)|reorg(?:anization|anisation)?|acquired|acquisition|hard deadline|non-negotiable|aggressive|can't slip|no room|at risk|red flag|legal (?:review|hasn't|is still)|still waiting on legal)\b/i },
  { section: "redFlags", weight: 1, pattern: /\b(?:tight|asap|urgent|deadline|risk)\b/i },

  // success criteria and metrics
  { section: "successCriteria", weight: 3, pattern: /\b(?:success (?:looks like|means|would be|criteria)|we(?:'ll| will)? measure|metrics?|kpis?|target|goal|first (?:win|month|90 days|30 days)|within (?:30|60|90) days|after (?:30|60|90) days|\d+(?:\.\d+)?\s?%\s(?:improvement|increase|reduction|faster|fewer|more)|improvement in|win rates?|time to value|adoption|control group)\b/i },
  { section: "successCriteria", weight: 1, pattern: /\b(?:reduce|increase|improve|cut|get (?:that|it) (?:back )?down|hit (?:that|the) number)\b/i },

  // why they bought: the pain and the trigger, in the customer's words
  { section: "whyTheyBought", side: "customer", weight: 3, pattern: /\b(?:killing us|the problem is|our problem|pain|struggl\w*|frustrat\w*|can't keep up|doesn't scale|won't scale|takes (?:too long|forever|hours|days)|manual(?:ly)?|by hand|falling through the cracks|losing (?:deals|customers|money)|churn|we need(?:ed)? (?:a|to)|that's why we|replac\w+|switch\w* (?:from|off)|outgrown|deal cycles)\b/i },
  { section: "whyTheyBought", weight: 1, pattern: /\b(?:because|since the|after (?:we|the) (?:lost|missed|failed))\b/i },

  // competition
  { section: "competition", weight: 3, pattern: /\b(?:competitors?|alternatives?|looking at|evaluat\w+|also (?:talking|spoke|speaking) (?:to|with)|other vendors?|shortlist|bake-?off|proof of concept|chose you|went with|versus|vs\.?|add-on|build (?:it )?(?:ourselves|in-house))\b/i },

  // technical environment
  { section: "technicalEnvironment", weight: 3, pattern: new RegExp(`\\b(?:${SYSTEMS})\\b`, "i") },
  { section: "technicalEnvironment", weight: 2, pattern: /\b(?:integrat\w+|migrat\w+|implementation|it team|infrastructure|stack|tech stack|single sign-on|data (?:export|import|feed|model)|sandbox|provision\w*|admin access)\b/i },

  // stakeholders and roles
  { section: "stakeholders", weight: 3, pattern: /\b(?:cfo|ceo|cto|cio|cro|coo|vp|vice president|director|head of|manager|my (?:boss|team|manager)|sign[- ]?off|approv\w+|decision[- ]?maker|budget holder|procurement|legal team|champion|sponsor|end users?|reports? to)\b/i },

  // political dynamics
  { section: "politicalDynamics", weight: 3, pattern: /\b(?:politic\w*|on board|buy-?in|not (?:a )?fan|skeptic\w*|convince\w*|reorg\w*|ally|blocker|territorial|turf|pet project|(?:he|she|they)(?:'s| is| are)? (?:not|never|always|pushing|against|behind))\b/i },

  // account overview: the data layer
  { section: "accountOverview", weight: 3, pattern: /(?:\$\s?\d[\d,.]*\s?(?:k|m|mm|million|thousand)?\b|\b\d[\d,.]*\s?(?:k|m)?\s(?:seats|licen[cs]es|users|reps|employees|people|locations)\b|\bper (?:seat|user|year|month|rep)\b|\b(?:annual(?:ly)?|arr|contract value|renewal|term|signed|order form|plan|tier|module)\b)/i },
  { section: "accountOverview", weight: 1, pattern: /\b(?:series [a-e]|headquartered|based in|we're a|we sell|our company|industry|founded)\b/i },
];
