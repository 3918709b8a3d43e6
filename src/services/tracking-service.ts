import type { AppDeps } from "../deps.ts";
import {
  type HandoffFeedback,
  MILESTONE_LABELS,
  type MilestoneRecord,
  TRACKED_MILESTONES,
  type TrackedMilestone,
} from "../domain/handoff-tracking.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";

type TrackingDeps = Pick<AppDeps, "deals" | "tracking"> & AuditDeps;

/** A milestone as the API and the pages show it: done or not, when and by whom. */
export type MilestoneState = { milestone: TrackedMilestone; label: string; doneAt: string | null; doneBy: string | null };

export type HandoffTracking = { milestones: MilestoneState[]; feedback: HandoffFeedback[] };

/** The CSM's record of the handoff so far, for everyone who reads the deal (the AE sees the CSM's questions here). */
export function readTracking(deps: TrackingDeps, actor: Actor, dealId: string): HandoffTracking {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  recordAudit(deps, actor, { action: "view", objectType: "handoff_tracking", objectId: deal.id, dealId: deal.id });
  return loadTracking(deps, deal.id);
}

/** The record without an access check or audit entry, for a page that has already checked both. */
export function loadTracking(deps: Pick<AppDeps, "tracking">, dealId: string): HandoffTracking {
  const done = new Map<TrackedMilestone, MilestoneRecord>(deps.tracking.listMilestones(dealId).map((record) => [record.milestone, record]));
  return {
    milestones: TRACKED_MILESTONES.map((milestone) => ({
      milestone,
      label: MILESTONE_LABELS[milestone],
      doneAt: done.get(milestone)?.doneAt ?? null,
      doneBy: done.get(milestone)?.doneBy ?? null,
    })),
    feedback: deps.tracking.listFeedback(dealId),
  };
}

/** The deal's CSM marks a milestone done; marking it again keeps the first time. */
export function markMilestone(deps: TrackingDeps, actor: Actor, dealId: string, milestone: TrackedMilestone): MilestoneState {
  const deal = authorizeDeal(deps, actor.user, dealId, "track");
  const record = deps.tracking.markDone(deal.id, milestone, actor.user.id, deps.now());
  recordAudit(deps, actor, { action: "change", objectType: "milestone", objectId: milestone, dealId: deal.id });
  return { milestone, label: MILESTONE_LABELS[milestone], doneAt: record.doneAt, doneBy: record.doneBy };
}

/** Undoes a milestone marked by mistake; undoing one not marked changes nothing (like marking one twice). */
export function clearMilestone(deps: TrackingDeps, actor: Actor, dealId: string, milestone: TrackedMilestone): void {
  const deal = authorizeDeal(deps, actor.user, dealId, "track");
  if (deps.tracking.clear(deal.id, milestone)) {
    recordAudit(deps, actor, { action: "delete", objectType: "milestone", objectId: milestone, dealId: deal.id });
  }
}

/** "Received, with questions": the CSM acknowledges the handoff to the AE, with questions when something is unclear. */
export function sendFeedback(deps: TrackingDeps, actor: Actor, dealId: string, questions: string | null): HandoffFeedback {
  const deal = authorizeDeal(deps, actor.user, dealId, "track");
  const feedback = deps.tracking.addFeedback(deal.id, questions, actor.user.id, deps.now());
  recordAudit(deps, actor, { action: "create", objectType: "handoff_feedback", objectId: feedback.id, dealId: deal.id });
  return feedback;
}
