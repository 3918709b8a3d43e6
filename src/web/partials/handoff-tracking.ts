import { TRACKED_MILESTONES, type TrackedMilestone } from "../../domain/handoff-tracking.ts";
import type { HandoffTracking } from "../../services/tracking-service.ts";
import { formatMoment } from "../format.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderBadge } from "./badge.ts";
import { renderCsrfField } from "./csrf-field.ts";

export function isTrackedMilestone(key: string): key is TrackedMilestone {
  return (TRACKED_MILESTONES as readonly string[]).includes(key);
}

/** The CSM's button beside a milestone of the brief's timeline: mark it done, or undo that. */
export function renderMilestoneForm(dealId: string, csrfToken: string, milestone: TrackedMilestone, label: string, done: boolean): Html {
  return html`<form method="post" action="/deals/${dealId}/brief/milestones/${milestone}" class="inline-form milestone-form no-print">
  ${renderCsrfField(csrfToken)}
  <input type="hidden" name="intent" value="${done ? "undo" : "done"}">
  <button type="submit" class="button button-small${done ? " button-quiet" : ""}">${done ? "Undo" : "Mark done"}<span class="visually-hidden">: ${label}</span></button>
</form>`;
}

/** "Received, with questions": the CSM's notes to the AE, and the form to send one when the reader is the CSM. */
export function renderFeedback(
  dealId: string,
  csrfToken: string,
  tracking: HandoffTracking,
  names: (userId: string) => string,
  canSend: boolean,
): Html {
  return html`<section class="draft-section" id="feedback" aria-labelledby="feedback-heading">
  <h2 id="feedback-heading">Received, with questions</h2>
  ${renderFeedbackList(tracking, names)}
  ${
    canSend
      ? html`<form method="post" action="/deals/${dealId}/brief/feedback" class="feedback-form no-print">
    ${renderCsrfField(csrfToken)}
    <div class="field">
      <label for="feedback-questions">Questions for the AE <span class="subtle">(optional)</span></label>
      <textarea id="feedback-questions" name="questions" rows="3" maxlength="2000"></textarea>
    </div>
    <button type="submit" class="button button-primary button-small">Tell the AE it is received</button>
  </form>`
      : EMPTY
  }
</section>`;
}

function renderFeedbackList(tracking: HandoffTracking, names: (userId: string) => string): Html {
  if (tracking.feedback.length === 0) return html`<p class="subtle">The CSM has not confirmed receipt yet.</p>`;
  return html`<ol class="feedback-list">${[...tracking.feedback].reverse().map(
    (note) => html`<li class="feedback-note">
    <p>${renderBadge("Received", "success")} <span class="subtle">${names(note.sentBy)} · ${formatMoment(note.sentAt)}</span></p>
    ${note.questions === null ? html`<p class="subtle">No questions.</p>` : html`<p class="feedback-questions">${note.questions}</p>`}
  </li>`,
  )}</ol>`;
}

/** What the AE sees of the CSM's follow-up on the deal page: milestones done and the CSM's questions. */
export function renderTrackingSummary(tracking: HandoffTracking, names: (userId: string) => string, dealId: string): Html {
  const done = tracking.milestones.filter((m) => m.doneAt !== null);
  if (done.length === 0 && tracking.feedback.length === 0) return EMPTY;
  return html`<section class="panel-section tracking-summary" id="from-csm" aria-labelledby="from-csm-heading">
  <h2 id="from-csm-heading" class="section-heading">From the CSM</h2>
  <ul class="milestones-done">${tracking.milestones.map(
    (m) =>
      html`<li>${m.doneAt === null ? renderBadge("Not yet", "neutral") : renderBadge("Done", "success")} ${m.label}${
        m.doneAt === null ? EMPTY : html` <span class="subtle">${formatMoment(m.doneAt)}</span>`
      }</li>`,
  )}</ul>
  ${renderFeedbackList(tracking, names)}
  <p><a href="/deals/${dealId}/brief#timeline">The brief's timeline</a></p>
</section>`;
}
