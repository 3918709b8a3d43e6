import type { BriefBasis, BriefIntroEmail, BriefPerson, BriefSourceItem, BriefStakeholder } from "./brief.ts";
import { inSection } from "./brief-items.ts";
import { milestoneDueBy } from "./build-handoff-timeline.ts";

type IntroEmailInput = {
  account: string;
  closeDate: string | null;
  ae: BriefPerson | null;
  csm: BriefPerson | null;
  basis: BriefBasis;
  items: BriefSourceItem[];
  stakeholders: BriefStakeholder[];
  kickoff: { date: string; itemId: string } | null;
};

// Who the introduction goes to first: the champion, else whoever sponsors or signs.
const PRIMARY_ROLES = ["champion", "executiveSponsor", "economicBuyer", "decisionMaker"];

/**
 * The day-3 warm introduction the AE sends: personal, says the CSM already knows the story, names the CSM
 * and the customer's contacts. It states no fact about the customer beyond names, roles and dates the items
 * give; what is unknown appears as [brackets] and is listed in `missing`.
 */
export function draftIntroEmail(input: IntroEmailInput): BriefIntroEmail {
  const missing: string[] = [];
  const named = input.stakeholders.filter((s): s is BriefStakeholder & { name: string } => s.name !== null);
  const primary = pickPrimary(named);
  const others = named.filter((s) => !primary.includes(s));
  if (primary.length === 0) missing.push("the customer contact to address (the handoff names no stakeholder)");
  if (input.csm === null) missing.push("the CSM's name (no CSM is assigned to the deal)");
  if (input.ae === null) missing.push("the AE's name");

  const csmName = input.csm?.name ?? "[CSM name]";
  const csmFirst = input.csm ? firstName(input.csm.name) : "[CSM name]";
  const greeting = primary.length > 0 ? `Hi ${joinNames(primary.map((s) => firstName(s.name)))},` : "Hi [customer contact],";
  const story = storyParts(input.items);
  const body = [
    greeting,
    "",
    `Thank you again for choosing us. I'd like to introduce ${csmName}${input.csm ? ` (${input.csm.email})` : ""}, ` +
      `your customer success manager, copied here.`,
    "",
    `${csmFirst} already knows the story (${joinNames(story)}), so you won't have to repeat yourselves.` +
      (others.length > 0 ? ` ${csmFirst} will also be working with ${joinNames(callNames(others, named))}.` : ""),
    "",
    input.kickoff
      ? `${csmFirst} will lead the kickoff on ${input.kickoff.date}.`
      : `${csmFirst} will be in touch in the next few days to set up the kickoff.`,
    "",
    "I'm not going anywhere: reach out to me any time.",
    "",
    "Best,",
    input.ae?.name ?? "[your name]",
  ].join("\n");

  // A contact preference is the AE's own knowledge, shown under the person in the brief: it is not repeated here.
  const notesForAe = input.basis === "draft" ? ["Check every name and date before sending."] : [];
  return {
    basis: input.basis,
    sendBy: milestoneDueBy(input.closeDate, "introduction"),
    from: input.ae,
    to: primary.map((s) => s.name),
    cc: input.csm ? [input.csm.name] : [],
    subject: `Introducing ${csmName}, your customer success manager`,
    body,
    basedOnItemIds: [...named.flatMap((s) => s.items.map((i) => i.itemId)), ...(input.kickoff ? [input.kickoff.itemId] : [])],
    missing,
    notesForAe,
  };
}

function pickPrimary(named: (BriefStakeholder & { name: string })[]): (BriefStakeholder & { name: string })[] {
  const champions = named.filter((s) => s.role === "champion");
  if (champions.length > 0) return champions;
  for (const role of PRIMARY_ROLES) {
    const match = named.find((s) => s.role === role);
    if (match) return [match];
  }
  return named.slice(0, 1);
}

/** What the CSM was told, named only for sections the handoff actually covers. */
function storyParts(items: BriefSourceItem[]): string[] {
  const parts: string[] = [];
  if (inSection(items, "whyTheyBought").length > 0) parts.push("why you're changing");
  if (inSection(items, "successCriteria").length > 0) parts.push("your goals");
  if (inSection(items, "promises").length > 0) parts.push("what we agreed");
  if (inSection(items, "technicalEnvironment").length > 0) parts.push("your setup");
  return parts.length > 0 ? parts : ["everything we discussed"];
}

/** Colleagues as the addressee calls them: by first name, or in full when two of the named people share it. */
function callNames(people: { name: string }[], everyone: { name: string }[]): string[] {
  return people.map((person) => {
    const first = firstName(person.name);
    return everyone.filter((other) => firstName(other.name) === first).length > 1 ? person.name : first;
  });
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
