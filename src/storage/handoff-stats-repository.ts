import { contractFieldOfGap, GapIdSchema } from "../domain/gap-id.ts";
import { fieldOfContractGap, fieldsStatedBy, fillsHandoff, type HandoffFieldKey } from "../domain/handoff-fields.ts";
import type { HandoffReportDealInput, RunUsageInput } from "../domain/handoff-report-input.ts";
import type { ItemOrigin, ItemStatus } from "../domain/item.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { Database } from "./open-database.ts";

type DealRow = {
  id: string;
  account: string;
  close_date: string | null;
  ae_id: string;
  csm_id: string | null;
  created_at: string;
  ae_name: string | null;
  csm_name: string | null;
};
type ItemCountRow = {
  deal_id: string;
  section: SectionKey;
  status: ItemStatus;
  origin: ItemOrigin;
  needs_checking: number;
  verified: number;
  n: number;
};
type FieldItemRow = { deal_id: string; section: SectionKey; statement: string; details: string | null; citations: string | null };
type VersionRow = { deal_id: string; version: number; first_approved_at: string; items: number };
type GapIdRow = { deal_id: string; gap_id: string };
type RunRow = { deal_id: string; id: string; status: string; usage: string };

// An item's citation verified (or the AE added it): the SQL twin of drafting's isVerified.
const VERIFIED = `(origin = 'ae' OR EXISTS (SELECT 1 FROM json_each(items.citations) c WHERE json_extract(c.value, '$.match') <> 'unverified'))`;

// Only items of sections that hold a field are read for field detection.
const FIELD_SECTIONS = "('accountOverview', 'stakeholders', 'successCriteria', 'nextSteps')";

export type HandoffStatsRepository = ReturnType<typeof createHandoffStatsRepository>;

/**
 * Aggregates for the RevOps report in a handful of grouped queries over all deals. Items of the field-bearing sections are
 * read to tell which fields they state, but only counts, section and field keys leave this repository: never item,
 * source or answer content.
 */
export function createHandoffStatsRepository(db: Database) {
  const group = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  const statedFields = (rows: FieldItemRow[] | undefined): HandoffFieldKey[] => {
    const fields = new Set<HandoffFieldKey>();
    for (const row of rows ?? []) {
      const details = row.details === null ? undefined : (JSON.parse(row.details) as Record<string, unknown>);
      const citations = row.citations === null ? undefined : (JSON.parse(row.citations) as { quote: string }[]);
      for (const field of fieldsStatedBy({ section: row.section, statement: row.statement, details, citations })) fields.add(field);
    }
    return [...fields];
  };
  // The AE's answer to a contract field's gap states that field.
  const answeredFields = (rows: GapIdRow[] | undefined): HandoffFieldKey[] =>
    (rows ?? []).flatMap((row) => {
      const parsed = GapIdSchema.safeParse(row.gap_id);
      const field = parsed.success ? contractFieldOfGap(parsed.data) : undefined;
      return field === undefined ? [] : [fieldOfContractGap(field)];
    });
  return {
    /** Recorded usage of the given runs (a batch's, say), in their order; runs without usage are left out. */
    listRunUsage(runIds: string[]): RunUsageInput[] {
      if (runIds.length === 0) return [];
      const rows = db
        .prepare(
          "SELECT deal_id, id, status, usage FROM extraction_runs WHERE usage IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
        )
        .all(JSON.stringify(runIds)) as RunRow[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return runIds.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toRunUsage(row)] : [];
      });
    },
    listReportInputs(): HandoffReportDealInput[] {
      const deals = db
        .prepare(
          `SELECT d.id, d.account, d.close_date, d.ae_id, d.csm_id, d.created_at, ae.name AS ae_name, csm.name AS csm_name
           FROM deals d LEFT JOIN users ae ON ae.id = d.ae_id LEFT JOIN users csm ON csm.id = d.csm_id
           ORDER BY d.close_date IS NULL, d.close_date, d.created_at`,
        )
        .all() as DealRow[];
      const sources = new Map(
        (db.prepare("SELECT deal_id, COUNT(*) AS n FROM sources GROUP BY deal_id").all() as { deal_id: string; n: number }[]).map((r) => [
          r.deal_id,
          r.n,
        ]),
      );
      const items = group(
        db
          .prepare(
            `SELECT deal_id, section, status, origin, needs_checking, ${VERIFIED} AS verified, COUNT(*) AS n FROM items
             GROUP BY deal_id, section, status, origin, needs_checking, verified`,
          )
          .all() as ItemCountRow[],
        (r) => r.deal_id,
      );
      const draftFieldItems = group(
        (
          db
            .prepare(
              `SELECT deal_id, section, statement, details, citations, status, needs_checking, ${VERIFIED} AS verified FROM items
               WHERE section IN ${FIELD_SECTIONS}`,
            )
            .all() as (FieldItemRow & { status: string; needs_checking: number; verified: number })[]
        ).filter((r) => fillsHandoff({ status: r.status, needsChecking: r.needs_checking === 1, verified: r.verified === 1 })),
        (r) => r.deal_id,
      );
      // The section column holds the gap id: a contract field's answer (accountOverview.<field>) fills no
      // section, it states its field.
      const answers = group(
        db.prepare("SELECT deal_id, section FROM gap_answers WHERE instr(section, '.') = 0").all() as {
          deal_id: string;
          section: SectionKey;
        }[],
        (r) => r.deal_id,
      );
      const fieldAnswers = group(
        db.prepare("SELECT deal_id, section AS gap_id FROM gap_answers WHERE instr(section, '.') > 0").all() as GapIdRow[],
        (r) => r.deal_id,
      );
      const LATEST = `handoff_versions v JOIN (SELECT deal_id, MAX(version) AS version FROM handoff_versions GROUP BY deal_id) m
                      ON m.deal_id = v.deal_id AND m.version = v.version`;
      const latest = new Map(
        (
          db
            .prepare(
              `SELECT v.deal_id, v.version, f.first_approved_at, json_array_length(v.document, '$.items') AS items
               FROM handoff_versions v
               JOIN (SELECT deal_id, MAX(version) AS version, MIN(approved_at) AS first_approved_at FROM handoff_versions GROUP BY deal_id) f
                 ON f.deal_id = v.deal_id AND f.version = v.version`,
            )
            .all() as VersionRow[]
        ).map((r) => [r.deal_id, r]),
      );
      // Only the section keys and gap ids of the latest version's unanswered gaps and answers leave the document;
      // a contract field's gap (id accountOverview.<field>, answers with a gapId) is no section's.
      const versionSections = (path: string, gapIdPath: string) =>
        group(
          db
            .prepare(
              `SELECT v.deal_id, json_extract(g.value, '$.section') AS section FROM ${LATEST}, json_each(v.document, '${path}') g
               WHERE instr(coalesce(json_extract(g.value, '${gapIdPath}'), ''), '.') = 0`,
            )
            .all() as { deal_id: string; section: SectionKey }[],
          (r) => r.deal_id,
        );
      const versionGaps = versionSections("$.gaps", "$.id");
      const versionAnswers = versionSections("$.gapAnswers", "$.gapId");
      const versionFieldAnswers = group(
        db
          .prepare(
            `SELECT v.deal_id, json_extract(g.value, '$.gapId') AS gap_id FROM ${LATEST}, json_each(v.document, '$.gapAnswers') g
             WHERE instr(coalesce(json_extract(g.value, '$.gapId'), ''), '.') > 0`,
          )
          .all() as GapIdRow[],
        (r) => r.deal_id,
      );
      // Every item of an approved version is approved: all of them count.
      const versionFieldItems = group(
        db
          .prepare(
            `SELECT v.deal_id, json_extract(i.value, '$.section') AS section, json_extract(i.value, '$.statement') AS statement,
                    json_extract(i.value, '$.details') AS details, json_extract(i.value, '$.citations') AS citations
             FROM ${LATEST}, json_each(v.document, '$.items') i
             WHERE json_extract(i.value, '$.section') IN ${FIELD_SECTIONS}`,
          )
          .all() as FieldItemRow[],
        (r) => r.deal_id,
      );
      const runs = group(
        db
          .prepare("SELECT deal_id, id, status, usage FROM extraction_runs WHERE usage IS NOT NULL ORDER BY created_at, rowid")
          .all() as RunRow[],
        (r) => r.deal_id,
      );
      return deals.map((row) => {
        const version = latest.get(row.id);
        return {
          deal: {
            id: row.id,
            account: row.account,
            closeDate: row.close_date,
            aeId: row.ae_id,
            csmId: row.csm_id,
            createdAt: row.created_at,
          },
          aeName: row.ae_name,
          csmName: row.csm_name,
          sourceCount: sources.get(row.id) ?? 0,
          itemCounts: (items.get(row.id) ?? []).map((r) => ({
            section: r.section,
            status: r.status,
            origin: r.origin,
            needsChecking: r.needs_checking === 1,
            verified: r.verified === 1,
            count: r.n,
          })),
          statedFields: [...new Set([...statedFields(draftFieldItems.get(row.id)), ...answeredFields(fieldAnswers.get(row.id))])],
          answeredSections: (answers.get(row.id) ?? []).map((r) => r.section),
          approved: version
            ? {
                version: version.version,
                firstApprovedAt: version.first_approved_at,
                items: version.items,
                gapSections: (versionGaps.get(row.id) ?? []).map((r) => r.section),
                statedFields: [
                  ...new Set([...statedFields(versionFieldItems.get(row.id)), ...answeredFields(versionFieldAnswers.get(row.id))]),
                ],
                answeredSections: (versionAnswers.get(row.id) ?? []).map((r) => r.section),
              }
            : null,
          runs: (runs.get(row.id) ?? []).map(toRunUsage),
        };
      });
    },
  };
}

function toRunUsage(row: RunRow): RunUsageInput {
  const usage = JSON.parse(row.usage) as { llmCalls?: number; promptTokens?: number; completionTokens?: number };
  return {
    runId: row.id,
    status: row.status,
    llmCalls: usage.llmCalls ?? 0,
    promptTokens: usage.promptTokens ?? 0,
    completionTokens: usage.completionTokens ?? 0,
  };
}
