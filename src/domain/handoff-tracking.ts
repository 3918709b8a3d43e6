import { z } from "zod";

/**
 * The handoff steps after the document that the CSM records as done: the internal AE-to-CSM call, the AE's warm
 * introduction, the kickoff, the day-30 check-in. (The document itself is done when the handoff is approved.)
 */
export const TRACKED_MILESTONES = ["internalCall", "introduction", "kickoff", "checkIn"] as const;
export const TrackedMilestoneSchema = z.enum(TRACKED_MILESTONES);
export type TrackedMilestone = z.infer<typeof TrackedMilestoneSchema>;

export const MILESTONE_LABELS: Record<TrackedMilestone, string> = {
  internalCall: "Handoff call held",
  introduction: "Intro email sent",
  kickoff: "Kickoff held",
  checkIn: "Day-30 check-in held",
};

/** A milestone the CSM marked done. */
export type MilestoneRecord = { milestone: TrackedMilestone; doneAt: string; doneBy: string };

/** Longest list of questions a CSM sends back with "received". */
export const MAX_FEEDBACK_LENGTH = 2000;

/** "Received, with questions": the CSM tells the AE the handoff arrived, optionally asking what is unclear. */
export type HandoffFeedback = { id: string; questions: string | null; sentBy: string; sentAt: string };
