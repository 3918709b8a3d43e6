import type { GapAnswer } from "../domain/gap-answer.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { Database } from "./open-database.ts";

export type GapAnswerRepository = ReturnType<typeof createGapAnswerRepository>;

/** The AE's answers to "not stated" sections: provided by the AE, never presented as sourced. */
export function createGapAnswerRepository(db: Database) {
  return {
    set(dealId: string, section: SectionKey, answer: string, answeredBy: string, now: Date): GapAnswer {
      db.prepare(
        `INSERT INTO gap_answers (deal_id, section, answer, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (deal_id, section) DO UPDATE SET answer = excluded.answer, answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
      ).run(dealId, section, answer, answeredBy, now.toISOString());
      return { section, answer, answeredBy, answeredAt: now.toISOString() };
    },
    clear(dealId: string, section: SectionKey): boolean {
      return Number(db.prepare("DELETE FROM gap_answers WHERE deal_id = ? AND section = ?").run(dealId, section).changes) > 0;
    },
    list(dealId: string): GapAnswer[] {
      const rows = db
        .prepare("SELECT section, answer, answered_by, answered_at FROM gap_answers WHERE deal_id = ? ORDER BY section")
        .all(dealId) as { section: SectionKey; answer: string; answered_by: string; answered_at: string }[];
      return rows.map((r) => ({ section: r.section, answer: r.answer, answeredBy: r.answered_by, answeredAt: r.answered_at }));
    },
  };
}
