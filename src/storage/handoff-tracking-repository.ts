import type { HandoffFeedback, MilestoneRecord, TrackedMilestone } from "../domain/handoff-tracking.ts";
import { newId } from "./new-id.ts";
import type { Database } from "./open-database.ts";

export type HandoffTrackingRepository = ReturnType<typeof createHandoffTrackingRepository>;

/** The CSM's record after the handoff: milestones done and "received, with questions" notes. */
export function createHandoffTrackingRepository(db: Database) {
  return {
    /** Marks a milestone done; one already done keeps its first time. Returns the record as stored. */
    markDone(dealId: string, milestone: TrackedMilestone, doneBy: string, now: Date): MilestoneRecord {
      db.prepare("INSERT OR IGNORE INTO handoff_milestones (deal_id, milestone, done_at, done_by) VALUES (?, ?, ?, ?)").run(
        dealId,
        milestone,
        now.toISOString(),
        doneBy,
      );
      return this.listMilestones(dealId).find((record) => record.milestone === milestone)!;
    },
    clear(dealId: string, milestone: TrackedMilestone): boolean {
      return Number(db.prepare("DELETE FROM handoff_milestones WHERE deal_id = ? AND milestone = ?").run(dealId, milestone).changes) > 0;
    },
    listMilestones(dealId: string): MilestoneRecord[] {
      const rows = db.prepare("SELECT milestone, done_at, done_by FROM handoff_milestones WHERE deal_id = ?").all(dealId) as {
        milestone: TrackedMilestone;
        done_at: string;
        done_by: string;
      }[];
      return rows.map((row) => ({ milestone: row.milestone, doneAt: row.done_at, doneBy: row.done_by }));
    },
    addFeedback(dealId: string, questions: string | null, sentBy: string, now: Date): HandoffFeedback {
      const feedback = { id: newId("fbk"), questions, sentBy, sentAt: now.toISOString() };
      db.prepare("INSERT INTO handoff_feedback (id, deal_id, questions, sent_by, sent_at) VALUES (?, ?, ?, ?, ?)").run(
        feedback.id,
        dealId,
        questions,
        sentBy,
        feedback.sentAt,
      );
      return feedback;
    },
    /** Oldest first. */
    listFeedback(dealId: string): HandoffFeedback[] {
      const rows = db
        .prepare("SELECT id, questions, sent_by, sent_at FROM handoff_feedback WHERE deal_id = ? ORDER BY sent_at, rowid")
        .all(dealId) as { id: string; questions: string | null; sent_by: string; sent_at: string }[];
      return rows.map((row) => ({ id: row.id, questions: row.questions, sentBy: row.sent_by, sentAt: row.sent_at }));
    },
  };
}
