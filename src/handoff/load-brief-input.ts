import type { BriefGap, BriefInput, BriefPerson } from "../drafting/brief.ts";
import { SECTION_KEYS } from "../domain/sections.ts";
import type { Deal } from "../domain/deal.ts";
import type { GapAnswerRepository } from "../storage/gap-answer-repository.ts";
import type { ItemRepository } from "../storage/item-repository.ts";
import type { UserRepository } from "../storage/user-repository.ts";
import type { VersionRepository } from "../storage/version-repository.ts";
import type { HandoffTrackingRepository } from "../storage/handoff-tracking-repository.ts";
import { findAnsweredGaps } from "./load-deal-draft.ts";

type BriefStores = {
  tracking: HandoffTrackingRepository;
  items: ItemRepository;
  gapAnswers: GapAnswerRepository;
  versions: VersionRepository;
  users: UserRepository;
  now: () => Date;
};

/**
 * The brief's input for a deal: its latest approved version when there is one, else its current draft.
 * The draft is read from items and gap answers directly (not loadDealDraft): the brief needs neither the
 * source list nor run usage, and skipping them keeps this read cheap under load.
 */
export function loadBriefInput(stores: BriefStores, deal: Deal): BriefInput {
  const people = { ae: findPerson(stores, deal.aeId), csm: deal.csmId === null ? null : findPerson(stores, deal.csmId) };
  const dealFacts = { id: deal.id, account: deal.account, closeDate: deal.closeDate };
  const milestonesDone = Object.fromEntries(stores.tracking.listMilestones(deal.id).map((record) => [record.milestone, record.doneAt]));
  const latest = stores.versions.latest(deal.id);
  if (latest !== undefined) {
    const document = latest.document;
    const answered: BriefGap[] = document.gapAnswers.map((a) => ({
      section: a.section,
      question: a.question,
      answer: { answer: a.answer, answeredBy: a.answeredBy, answeredAt: a.answeredAt },
    }));
    return {
      deal: dealFacts,
      ...people,
      approval: { version: latest.version, approvedAt: latest.approvedAt, approvedBy: latest.approvedBy },
      firstApprovedAt: stores.versions.list(deal.id)[0]?.approvedAt ?? latest.approvedAt,
      items: document.items,
      gaps: sortBySection([...document.gaps, ...answered]),
      milestonesDone,
      now: stores.now(),
    };
  }
  const items = stores.items.list(deal.id);
  const gaps = findAnsweredGaps(
    items.filter((item) => !item.needsChecking),
    stores.gapAnswers.list(deal.id),
    deal,
  );
  return { deal: dealFacts, ...people, approval: null, firstApprovedAt: null, items, gaps, milestonesDone, now: stores.now() };
}

function findPerson(stores: BriefStores, userId: string): BriefPerson | null {
  const user = stores.users.get(userId);
  return user ? { id: user.id, name: user.name, email: user.email } : null;
}

function sortBySection(gaps: BriefGap[]): BriefGap[] {
  return gaps.sort((a, b) => SECTION_KEYS.indexOf(a.section) - SECTION_KEYS.indexOf(b.section));
}
