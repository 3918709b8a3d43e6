// A long sales call whose sentences repeat in shape, not in content: names, numbers, products and dates
// vary, so the offline draft finds items in every section and grounding meets repeated phrases, as on real calls.
import { formatCueTime } from "./generate-inputs.ts";

/** Deterministic pseudo-random integers (mulberry32), so every run builds the same input. */
export function createRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % below) | 0;
  };
}

const NAMES = ["Gloria", "Nate", "Elaine", "Ray", "Vince", "Keisha", "Priya", "Sam", "Omar", "Lena", "Tariq", "Bianca"];
const PRODUCTS = ["Salesforce", "Snowflake", "Okta", "HubSpot", "NetSuite", "Zendesk", "Workday", "Jira", "Slack", "Gong"];
const COMPETITORS = ["Haulwise", "TrackDesk", "Freightly", "RouteIQ", "Loadstar", "ShipSense"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const CITIES = ["Spokane", "Boise", "Portland", "Missoula", "Tacoma", "Yakima", "Reno", "Eugene"];
const TEAMS = ["dispatch", "billing", "support", "operations", "finance", "onboarding", "safety"];
const SELLER = "Marcus Lee";
const BUYERS = ["Dana Whitlock", "Gloria Mendez", "Nate Brennan", "Elaine Kovac"];

type Pick = <T>(values: T[]) => T;
type Template = (pick: Pick, n: (below: number) => number) => string;

const BUYER_LINES: Template[] = [
  (pick, n) => `We have ${n(90) + 10} reps in ${pick(CITIES)} and they close about ${n(40) + 5}% of their deals.`,
  (pick, n) =>
    `Um, so we'll need the ${pick(PRODUCTS)} integration live by ${pick(MONTHS)} ${n(28) + 1}, you know, before the rollout in ${pick(CITIES)}.`,
  (pick, n) => `Our handle time is around ${n(15) + 5} minutes and we want it under ${n(4) + 1} minutes by ${pick(MONTHS)}.`,
  (pick) => `Honestly the price is higher than what we budgeted for, so I'd need to take it to ${pick(NAMES)} first.`,
  (pick) => `We looked at ${pick(COMPETITORS)} last year but their ${pick(TEAMS)} reporting was too thin for us.`,
  (pick) => `${pick(NAMES)} runs ${pick(TEAMS)} and she signs off on anything that touches ${pick(PRODUCTS)}.`,
  (pick, n) => `Success for us is ${n(20) + 5} percent fewer missed pickups in ${pick(CITIES)} within ${n(5) + 2} months.`,
  (pick) => `My worry is that ${pick(NAMES)} is still not sold on replacing ${pick(COMPETITORS)} this quarter.`,
  (pick, n) => `We're on ${pick(PRODUCTS)} for ${pick(TEAMS)} and about ${n(30) + 3} people export spreadsheets every ${pick(WEEKDAYS)}.`,
  (pick) => `The reason we're doing this now is the ${pick(TEAMS)} audit in ${pick(MONTHS)}, we failed the last one.`,
  (pick) => `Security review has to go through ${pick(NAMES)} and that usually takes a few weeks.`,
  (pick) => `We don't use the ${pick(PRODUCTS)} module and we never log calls on ${pick(WEEKDAYS)}s.`,
];

const SELLER_LINES: Template[] = [
  (pick, n) => `I can cap the renewal increase at ${n(9) + 1} percent and we'll put that in the order form for ${pick(NAMES)}.`,
  (pick) => `I'll send over the security questionnaire by ${pick(WEEKDAYS)} and loop in our solutions engineer.`,
  (pick, n) => `We can include ${n(10) + 2} training sessions for the ${pick(TEAMS)} team at no extra cost.`,
  (_pick, n) => `The renewal came in at $${n(400) + 50}K for ${n(300) + 20} seats, which is more than we planned.`,
  (pick, n) => `Implementation is ${n(6) + 2} weeks from kickoff to live, and we'll handle the ${pick(PRODUCTS)} mapping.`,
  (pick) => `Next step is a technical call with ${pick(NAMES)} on ${pick(WEEKDAYS)} to walk through the ${pick(PRODUCTS)} setup.`,
  (pick, n) => `We'll waive the onboarding fee if you sign by ${pick(MONTHS)} ${n(28) + 1}.`,
];

/** A WebVTT call of about `targetBytes`: the seller and four buyers take turns of two or three sentences. */
export function generateVariedCall(targetBytes: number, seed = 42): string {
  const random = createRandom(seed);
  const pick: Pick = (values) => values[random(values.length)]!;
  const parts = ["WEBVTT\n\n"];
  let size = parts[0]!.length;
  for (let cue = 0; size < targetBytes; cue += 1) {
    const seller = cue % 3 === 1;
    const templates = seller ? SELLER_LINES : BUYER_LINES;
    const speaker = seller ? SELLER : BUYERS[random(BUYERS.length)]!;
    const sentences = Array.from({ length: 2 + random(2) }, () => pick(templates)(pick, random));
    const start = cue * 9000;
    const part = `${cue + 1}\n${formatCueTime(start, ".")} --> ${formatCueTime(start + 8500, ".")}\n<v ${speaker}>${sentences.join(" ")}</v>\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}
