import type { GapAnswer } from "../domain/gap-answer.ts";
import { type GapId, sectionOfGap } from "../domain/gap-id.ts";
import type { Database } from "./open-database.ts";

export type GapAnswerRepository = ReturnType<typeof createGapAnswerRepository>;

// The `section` column holds the gap's id: a section key (every answer stored before contract-field
// gaps existed) or accountOverview.<field>.
type GapAnswerRow = { section: GapId; answer: string; answered_by: string; answered_at: string; version: number };

const toGapAnswer = (row: GapAnswerRow): GapAnswer => {
  const section = sectionOfGap(row.section);
  return {
    section,
    ...(row.section === section ? {} : { gapId: row.section }),
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    version: row.version,
  };
};

/** The AE's answers to gaps (sections or contract fields the sources leave unstated): provided by the AE, never presented as sourced. */
export function createGapAnswerRepository(db: Database) {
  const get = (dealId: string, gapId: GapId): GapAnswer | undefined => {
    const row = db
      .prepare("SELECT section, answer, answered_by, answered_at, version FROM gap_answers WHERE deal_id = ? AND section = ?")
      .get(dealId, gapId) as GapAnswerRow | undefined;
    return row ? toGapAnswer(row) : undefined;
  };
  return {
    get,
    /** Stores the answer under a new version: the deal's next revision, which no earlier answer of the deal had. */
    set(dealId: string, gapId: GapId, answer: string, answeredBy: string, now: Date): GapAnswer {
      db.prepare(
        `INSERT INTO gap_answers (deal_id, section, answer, answered_by, answered_at, version)
         VALUES (?, ?, ?, ?, ?, (SELECT revision + 1 FROM deals WHERE id = ?))
         ON CONFLICT (deal_id, section) DO UPDATE SET answer = excluded.answer, answered_by = excluded.answered_by,
           answered_at = excluded.answered_at, version = excluded.version`,
      ).run(dealId, gapId, answer, answeredBy, now.toISOString(), dealId);
      return get(dealId, gapId)!;
    },
    clear(dealId: string, gapId: GapId): boolean {
      return Number(db.prepare("DELETE FROM gap_answers WHERE deal_id = ? AND section = ?").run(dealId, gapId).changes) > 0;
    },
    list(dealId: string): GapAnswer[] {
      const rows = db
        .prepare("SELECT section, answer, answered_by, answered_at, version FROM gap_answers WHERE deal_id = ? ORDER BY section")
        .all(dealId) as GapAnswerRow[];
      return rows.map(toGapAnswer);
    },
  };
}
