import type { GapAnswer } from "../domain/gap-answer.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { Database } from "./open-database.ts";

export type GapAnswerRepository = ReturnType<typeof createGapAnswerRepository>;

type GapAnswerRow = { section: SectionKey; answer: string; answered_by: string; answered_at: string; version: number };

const toGapAnswer = (row: GapAnswerRow): GapAnswer => ({
  section: row.section,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
  version: row.version,
});

/** The AE's answers to "not stated" sections: provided by the AE, never presented as sourced. */
export function createGapAnswerRepository(db: Database) {
  const get = (dealId: string, section: SectionKey): GapAnswer | undefined => {
    const row = db
      .prepare("SELECT section, answer, answered_by, answered_at, version FROM gap_answers WHERE deal_id = ? AND section = ?")
      .get(dealId, section) as GapAnswerRow | undefined;
    return row ? toGapAnswer(row) : undefined;
  };
  return {
    get,
    /** Stores the answer under a new version: the deal's next revision, which no earlier answer of the deal had. */
    set(dealId: string, section: SectionKey, answer: string, answeredBy: string, now: Date): GapAnswer {
      db.prepare(
        `INSERT INTO gap_answers (deal_id, section, answer, answered_by, answered_at, version)
         VALUES (?, ?, ?, ?, ?, (SELECT revision + 1 FROM deals WHERE id = ?))
         ON CONFLICT (deal_id, section) DO UPDATE SET answer = excluded.answer, answered_by = excluded.answered_by,
           answered_at = excluded.answered_at, version = excluded.version`,
      ).run(dealId, section, answer, answeredBy, now.toISOString(), dealId);
      return get(dealId, section)!;
    },
    clear(dealId: string, section: SectionKey): boolean {
      return Number(db.prepare("DELETE FROM gap_answers WHERE deal_id = ? AND section = ?").run(dealId, section).changes) > 0;
    },
    list(dealId: string): GapAnswer[] {
      const rows = db
        .prepare("SELECT section, answer, answered_by, answered_at, version FROM gap_answers WHERE deal_id = ? ORDER BY section")
        .all(dealId) as GapAnswerRow[];
      return rows.map(toGapAnswer);
    },
  };
}
