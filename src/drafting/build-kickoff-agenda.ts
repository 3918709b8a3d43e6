import type { BriefAgendaSection, BriefPerson, BriefSourceItem, BriefStakeholder } from "./brief.ts";
import { detailText, inSection } from "./brief-items.ts";

type AgendaInput = {
  items: BriefSourceItem[];
  stakeholders: BriefStakeholder[];
  ae: BriefPerson | null;
  csm: BriefPerson | null;
  closeDate: string | null;
};

const CONTRACT_DATE_FIELDS = new Set(["contractStart", "renewalDate", "signatureDate"]);

/**
 * The CSM-led kickoff of the spec: goals and first milestones, timeline, contacts on both sides, what happens
 * next, success criteria confirmed. Points are guidance for the CSM; every fact sits in a cited item of the brief,
 * named here by id.
 */
export function buildKickoffAgenda(input: AgendaInput): BriefAgendaSection[] {
  const { items } = input;
  const ids = (list: BriefSourceItem[]) => list.map((item) => item.id);
  const why = inSection(items, "whyTheyBought");
  const success = inSection(items, "successCriteria");
  const firstWins = success.filter((item) => detailText(item, "horizon") === "30days");
  // A promise a later source says was delivered is not one to confirm.
  const datedPromises = inSection(items, "promises").filter(
    (item) => detailText(item, "due") !== null && detailText(item, "status") !== "done" && detailText(item, "status") !== "superseded",
  );
  const contractDates = inSection(items, "accountOverview").filter((item) => CONTRACT_DATE_FIELDS.has(detailText(item, "field") ?? ""));
  const nextSteps = inSection(items, "nextSteps");
  const named = input.stakeholders.filter((s) => s.name !== null);
  const ownerless = nextSteps.filter((item) => detailText(item, "owner") === null).length;

  return [
    {
      key: "goals",
      title: "Goals and first milestones",
      points: [
        why.length > 0
          ? "Read the opener back and agree the goals."
          : "The handoff does not say why they bought: ask, then agree the goals.",
        firstWins.length > 0 ? "Set dates for the 30-day goals." : "Agree the first milestone and the first early win, with dates.",
      ],
      itemIds: ids([...why, ...firstWins]),
    },
    {
      key: "timeline",
      title: "Timeline",
      points: timelinePoints(input),
      itemIds: ids([...contractDates, ...datedPromises]),
    },
    {
      key: "contacts",
      title: "Contacts on both sides",
      points: [
        `Our side: ${describeTeam(input.ae, input.csm)}.`,
        // Who is who is the stakeholder list's: the agenda does not list them again.
        named.length === input.stakeholders.length && named.length > 0
          ? "Customer side: confirm each stakeholder's role."
          : input.stakeholders.length > 0
            ? "Customer side: confirm each stakeholder's name, title and role."
            : "Customer side: the handoff names no stakeholders; ask who the champion, the economic buyer and the technical contact are.",
      ],
      itemIds: input.stakeholders.flatMap((person) => person.items.map((item) => item.itemId)),
    },
    {
      key: "nextSteps",
      title: "What happens next",
      points: [
        nextSteps.length > 0
          ? "Confirm each next step's owner and due date."
          : "The handoff lists no next steps: agree the implementation plan, training and action items with owners and dates.",
        ...(ownerless === 1 ? ["One has no owner: assign one."] : ownerless > 1 ? [`${ownerless} have no owner: assign them.`] : []),
      ],
      itemIds: ids(nextSteps),
    },
    {
      key: "successCriteria",
      title: "Success criteria confirmed",
      points: [
        success.length > 0
          ? "Read each criterion back; write down any change."
          : "The handoff has no success criteria: ask what success looks like at 30 and 90 days and which metrics they will measure.",
      ],
      itemIds: ids(success),
    },
  ];
}

function timelinePoints(input: AgendaInput): string[] {
  if (input.closeDate === null) return ["The deal has no close date: agree the onboarding dates with the customer."];
  // When the kickoff is due and held is the handoff timeline's: the meeting itself agrees what comes after.
  // The AE's day-30 check-in is the handoff timeline's too: it is not said again here.
  return ["Confirm the go-live and the dated promises."];
}

function describeTeam(ae: BriefPerson | null, csm: BriefPerson | null): string {
  const aeText = ae ? `${ae.name} (AE, ${ae.email})` : "the AE";
  const csmText = csm ? `${csm.name} (CSM, ${csm.email})` : "no CSM assigned yet";
  return `${aeText}; ${csmText}`;
}
