import type { GapAnswer } from "../domain/gap-answer.ts";
import { type GapId, sectionOfGap } from "../domain/gap-id.ts";
import type { Database } from "./open-database.ts";

export type GapAnswerRepository = ReturnType<typeof createGapAnswerRepository>;

// The `section` column holds the gap's id: a section key (every answer stored before contract-field
// gaps existed) or accountOverview.<field>.
function toAnswer(gapId: GapId, answer: string, answeredBy: string, answeredAt: string): GapAnswer {
  const section = sectionOfGap(gapId);
  return { section, ...(gapId === section ? {} : { gapId }), answer, answeredBy, answeredAt };
}

/** The AE's answers to gaps (sections or contract fields the sources leave unstated): provided by the AE, never presented as sourced. */
export function createGapAnswerRepository(db: Database) {
  return {
    set(dealId: string, gapId: GapId, answer: string, answeredBy: string, now: Date): GapAnswer {
      db.prepare(
        `INSERT INTO gap_answers (deal_id, section, answer, answered_by, answered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (deal_id, section) DO UPDATE SET answer = excluded.answer, answered_by = excluded.answered_by, answered_at = excluded.answered_at`,
      ).run(dealId, gapId, answer, answeredBy, now.toISOString());
      return toAnswer(gapId, answer, answeredBy, now.toISOString());
    },
    clear(dealId: string, gapId: GapId): boolean {
      return Number(db.prepare("DELETE FROM gap_answers WHERE deal_id = ? AND section = ?").run(dealId, gapId).changes) > 0;
    },
    list(dealId: string): GapAnswer[] {
      const rows = db
        .prepare("SELECT section, answer, answered_by, answered_at FROM gap_answers WHERE deal_id = ? ORDER BY section")
        .all(dealId) as { section: GapId; answer: string; answered_by: string; answered_at: string }[];
      return rows.map((r) => toAnswer(r.section, r.answer, r.answered_by, r.answered_at));
    },
  };
}
