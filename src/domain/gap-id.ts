import { z } from "zod";
import { SECTION_KEYS, type SectionKey } from "./sections.ts";

/** The contract fields the AE is asked for by name when no source states them (and the deal does not). */
export const CONTRACT_FIELDS = ["contractValue", "seats", "products", "contractStart", "renewalDate"] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

/** How a contract field is named in a one-line list of what the AE is asked for. */
export const CONTRACT_FIELD_LABELS: Record<ContractField, string> = {
  contractValue: "contract value and currency",
  seats: "seat count",
  products: "plan or modules",
  contractStart: "contract start date",
  renewalDate: "renewal date",
};

/**
 * A gap's id, stable across re-runs: the section key for a section the sources leave empty, and
 * `accountOverview.<field>` for a contract field no source states.
 */
export const GapIdSchema = z.enum([...SECTION_KEYS, ...CONTRACT_FIELDS.map((field) => `accountOverview.${field}` as const)]);
export type GapId = z.infer<typeof GapIdSchema>;

/** The id of the gap asking for a contract field. */
export function contractGapId(field: ContractField): GapId {
  return `accountOverview.${field}`;
}

/** The contract field a gap asks for; undefined for a section's gap. */
export function contractFieldOfGap(id: GapId): ContractField | undefined {
  const field = id.split(".")[1];
  return CONTRACT_FIELDS.find((f) => f === field);
}

/** The section a gap belongs to. */
export function sectionOfGap(id: GapId): SectionKey {
  return id.split(".", 1)[0] as SectionKey;
}

/** The id of a gap; versions approved before gaps had ids hold section gaps only. */
export function gapIdOf(gap: { id?: GapId | undefined; section: SectionKey }): GapId {
  return gap.id ?? gap.section;
}
