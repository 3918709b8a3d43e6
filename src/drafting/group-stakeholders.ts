import type { BriefBasis, BriefItem, BriefSourceItem, BriefStakeholder } from "./brief.ts";
import { detailText } from "./brief-items.ts";

// The most telling role first: a person named as champion in one item and "other" in another is the champion.
const ROLE_PRIORITY = ["economicBuyer", "champion", "executiveSponsor", "decisionMaker", "technicalContact", "blocker", "endUser", "other"];

/**
 * The stakeholder map: one entry per named person (names compared case-insensitively), merging every item
 * that names them with its citations; an item naming nobody stays an entry of its own.
 */
export function groupStakeholders(
  items: BriefSourceItem[],
  view: (item: BriefSourceItem) => BriefItem,
  basis: BriefBasis,
): BriefStakeholder[] {
  const groups: { name: string | null; items: BriefSourceItem[] }[] = [];
  const byName = new Map<string, { name: string | null; items: BriefSourceItem[] }>();
  for (const item of items) {
    const name = detailText(item, "name");
    const key = name?.replace(/\s+/g, " ").toLowerCase();
    const existing = key === undefined ? undefined : byName.get(key);
    if (existing) {
      existing.items.push(item);
      continue;
    }
    const group = { name, items: [item] };
    groups.push(group);
    if (key !== undefined) byName.set(key, group);
  }
  return groups.map(({ name, items: own }) => {
    const roles = distinct(own.map((i) => detailText(i, "role")));
    const stances = distinct(own.map((i) => detailText(i, "stance"))).filter((s) => s !== "unknown");
    const specific = roles.filter((r) => r !== "other");
    const ranked = (specific.length > 0 ? specific : roles).sort((a, b) => rank(a) - rank(b));
    return {
      name,
      title: own.map((i) => detailText(i, "title")).find((t) => t !== null) ?? null,
      role: ranked[0] ?? null,
      roles,
      stance: stances.length === 0 ? "unknown" : stances.length === 1 ? stances[0]! : "mixed",
      stances,
      caresAbout: distinct(own.map((i) => detailText(i, "caresAbout"))),
      contactPreferences: distinct(own.map((i) => detailText(i, "contactPreferences"))),
      basis,
      items: own.map(view),
    };
  });
}

function rank(role: string): number {
  const index = ROLE_PRIORITY.indexOf(role);
  return index === -1 ? ROLE_PRIORITY.length : index;
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
