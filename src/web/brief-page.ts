import type { User } from "../domain/user.ts";
import type { Brief, BriefMilestone, BriefRisk, BriefStakeholder } from "../drafting/brief.ts";
import type { Deal } from "../domain/deal.ts";
import { formatDay, formatMoment } from "./format.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { type BriefItemContext, type CitationIndex, renderBriefItem, renderBriefList } from "./partials/brief-item.ts";
import { renderSourcePanelShell } from "./partials/source-panel.ts";
import type { HandoffTracking } from "../services/tracking-service.ts";
import { isTrackedMilestone, renderFeedback, renderMilestoneForm } from "./partials/handoff-tracking.ts";

export type BriefPageView = {
  user: User;
  csrfToken: string;
  deal: Deal;
  brief: Brief;
  citations: CitationIndex;
  canEdit: boolean;
  /** The reader is the deal's CSM: milestones and "received" can be recorded. */
  canTrack: boolean;
  tracking: HandoffTracking;
  names: (userId: string) => string;
};

const RISK_REASONS: Record<BriefRisk["reason"], string> = {
  redFlag: "Red flag",
  contradiction: "Contradiction",
  unresolvedObjection: "Unresolved objection",
  politicalDynamics: "Political dynamics",
};

/** "Objection, answered" for an objection answered with no push-back: it is watched, not open. */
function riskReasonWords(reason: BriefRisk["reason"], risk: BriefRisk): string {
  return reason === "unresolvedObjection" && risk.objectionStatus === "answered" ? "Objection, answered" : RISK_REASONS[reason];
}

/** The promises still to honour: not delivered (a later source says so) nor superseded. */
function openPromises(brief: Brief): Brief["promises"] {
  return brief.promises.filter((p) => p.status !== "done" && p.status !== "superseded");
}

/** "open · 3 done" beside the open count, when the list also shows promises kept or superseded since. */
function renderSettledCount(brief: Brief): Html {
  const parts = (["done", "superseded"] as const).flatMap((status) => {
    const count = brief.promises.filter((p) => p.status === status).length;
    return count === 0 ? [] : [`${count} ${status}`];
  });
  return parts.length === 0 ? EMPTY : html` <span class="heading-note">open · ${parts.join(" · ")}</span>`;
}

/** The CSM's pre-kickoff brief, printable; the same brief the API serves, citations one click from their quote. */
export function renderBriefPage(view: BriefPageView): Html {
  const { brief, deal } = view;
  // A step due before the deal's latest source belongs to the sale: the draft lists it for the AE to check.
  const steps = brief.nextSteps.filter((n) => n.status !== "past");
  const pastSteps = brief.nextSteps.length - steps.length;
  const context: BriefItemContext = { dealId: deal.id, citations: view.citations };
  const body = html`<div class="workspace" data-brief>
<div class="draft-column brief">
  ${
    brief.status === "draft"
      ? html`<div class="draft-banner" role="note"><strong>DRAFT:</strong> ${brief.notice.replace(/^DRAFT:\s*/, "")}</div>`
      : html`<p class="approved-banner">${renderBadge(`Approved · version ${brief.version}`, "success")} <span>${brief.notice}</span></p>`
  }
  <div class="page-head">
    <h1>Brief: ${brief.account}</h1>
    <dl class="facts facts-inline">
      <div><dt>Close date</dt><dd>${formatDay(brief.closeDate)}</dd></div>
      <div><dt>AE</dt><dd>${brief.team.ae?.name ?? "Unknown"}</dd></div>
      <div><dt>CSM</dt><dd>${brief.team.csm?.name ?? "Not assigned"}</dd></div>
      <div><dt>Generated</dt><dd>${formatMoment(brief.generatedAt)}</dd></div>
    </dl>
  </div>
  <div class="toolbar no-print">
    <button type="button" class="button" data-print>Print</button>
    ${view.canEdit ? html`<a class="button" href="/deals/${deal.id}/review">Open the review</a>` : EMPTY}
    <a class="button button-quiet" href="/deals/${deal.id}">Deal and sources</a>
  </div>
  ${brief.summary ? html`<p class="opener" id="summary"><span class="label">In one sentence</span> ${brief.summary.text}</p>` : EMPTY}
  <nav class="section-index no-print" aria-label="Brief sections"><ul>
    <li><a href="#confirm">Confirm</a></li><li><a href="#promises">Promises <span class="count">${openPromises(brief).length}</span></a></li>
    <li><a href="#risks">Risks <span class="count">${brief.risks.length}</span></a></li><li><a href="#stakeholders">Stakeholders <span class="count">${brief.stakeholders.length}</span></a></li>
    <li><a href="#next-steps">Next steps</a></li><li><a href="#questions">Open questions <span class="count">${brief.openQuestions.length}</span></a></li>
    <li><a href="#agenda">Kickoff agenda</a></li><li><a href="#intro-email">Intro email</a></li><li><a href="#timeline">Timeline</a></li>
    <li><a href="#feedback">Received?</a></li>
  </ul></nav>

  <section class="draft-section" id="confirm" aria-labelledby="confirm-heading">
    <h2 id="confirm-heading">Confirm with the customer</h2>
    ${brief.confirm.opener ? html`<blockquote class="opener"><span class="label">Open the kickoff with</span> ${brief.confirm.opener}</blockquote>` : html`<p class="empty">The handoff says neither what they want nor what success looks like: ask both.</p>`}
    <h3>What they want</h3>${renderBriefList(brief.confirm.whatTheyWant.map((item) => renderBriefItem(item, context)))}
    <h3>For whom</h3>${renderBriefList(brief.confirm.forWhom.map((item) => renderBriefItem(item, context)))}
    <h3>What success looks like</h3>${renderBriefList(brief.confirm.successLooksLike.map((item) => renderBriefItem(item, context)))}
  </section>

  <section class="draft-section" id="promises" aria-labelledby="promises-heading">
    <h2 id="promises-heading">Promises to honour <span class="count">${openPromises(brief).length}</span>${renderSettledCount(brief)}</h2>
    ${renderBriefList(
      // Open ones first; one a later source says was delivered is badged "Done", with those words and where.
      [...openPromises(brief), ...brief.promises.filter((p) => !openPromises(brief).includes(p))].map((p) =>
        renderBriefItem(
          p,
          context,
          [
            `Owner: ${p.owner ?? "not stated (ask the AE)"}`,
            p.promisedTo ? `To: ${p.promisedTo}` : null,
            `Due: ${p.dueDate && p.due ? `${p.dueDate} (“${p.due}”)` : (p.dueDate ?? p.due ?? "not stated")}`,
            p.doneEvidence ? `Done, per ${p.doneEvidence.file}: “${p.doneEvidence.quote}”` : null,
          ],
          html`${p.status === "done" ? renderBadge("Done", "success") : p.status === "superseded" ? renderBadge("Superseded", "neutral") : EMPTY}${
            // A flagged item already shows its "unrealistic" flag as a badge.
            p.unrealistic && !p.flags.includes("unrealistic") ? renderBadge("Looks unrealistic", "danger") : EMPTY
          }`,
        ),
      ),
    )}
  </section>

  <section class="draft-section" id="risks" aria-labelledby="risks-heading">
    <h2 id="risks-heading">Risks to watch <span class="count">${brief.risks.length}</span></h2>
    ${renderBriefList(
      brief.risks.map((r) =>
        renderBriefItem(
          r,
          context,
          [r.detail],
          html`${renderBadge([r.reason, ...r.alsoListedAs].map((reason) => riskReasonWords(reason, r)).join(" + "), "attention")}${
            r.severity ? renderBadge(`Severity ${r.severity}`, r.severity === "high" ? "danger" : "neutral") : EMPTY
          }`,
        ),
      ),
    )}
  </section>

  <section class="draft-section" id="stakeholders" aria-labelledby="stakeholders-heading">
    <h2 id="stakeholders-heading">Stakeholders <span class="count">${brief.stakeholders.length}</span></h2>
    ${brief.stakeholders.length === 0 ? html`<p class="empty">Nothing in the handoff.</p>` : html`<div class="people">${brief.stakeholders.map((person) => renderStakeholder(person, context))}</div>`}
  </section>

  <section class="draft-section" id="next-steps" aria-labelledby="next-heading">
    <h2 id="next-heading">Next steps and open items <span class="count">${steps.length}</span></h2>
    ${renderBriefList(steps.map((n) => renderBriefItem(n, context, [`Owner: ${n.owner ?? "not stated"}`, `Due: ${n.due ?? "not stated"}`])))}
    ${pastSteps > 0 ? html`<p class="empty">${pastSteps === 1 ? "One step was" : `${pastSteps} steps were`} due before the latest source: see the draft.</p>` : EMPTY}
  </section>

  <section class="draft-section" id="questions" aria-labelledby="questions-heading">
    <h2 id="questions-heading">Open questions <span class="count">${brief.openQuestions.length}</span></h2>
    ${
      brief.openQuestions.length === 0
        ? html`<p class="empty">None: every section of the handoff is filled.</p>`
        : html`<ol class="brief-items">${brief.openQuestions.map(
            (q) =>
              html`<li class="brief-item"><p class="statement"><strong>${q.title}:</strong> ${q.question}</p>${
                q.aeSays === null
                  ? html`<p class="subtle">Unanswered: ask the AE.</p>`
                  : html`<p><span class="label">The AE says</span> ${q.aeSays} <span class="subtle">(the AE's word, not a source)</span></p>`
              }</li>`,
          )}</ol>`
    }
  </section>

  <section class="draft-section" id="agenda" aria-labelledby="agenda-heading">
    <h2 id="agenda-heading">Kickoff agenda</h2>
    <ol class="agenda">${brief.kickoffAgenda.map((part) => html`<li><h3>${part.title}</h3><ul>${part.points.map((point) => html`<li>${point}</li>`)}</ul></li>`)}</ol>
  </section>

  ${renderIntroEmail(brief)}
  ${renderTimeline(view)}
  ${renderFeedback(deal.id, view.csrfToken, view.tracking, view.names, view.canTrack)}
</div>
${renderSourcePanelShell()}
</div>`;
  return renderPage({
    title: `Brief · ${brief.account}`,
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    width: "wide",
    crumbs: [{ label: "Deals", href: "/deals" }, { label: deal.account, href: `/deals/${deal.id}` }, { label: "Brief" }],
  });
}

function renderStakeholder(person: BriefStakeholder, context: BriefItemContext): Html {
  const stance = person.stance === "mixed" ? `mixed (${person.stances.join(", ")})` : person.stance;
  return html`<article class="person">
  <h3>${person.name ?? "No name given"}${person.title ? html` <span class="subtle">${person.title}</span>` : EMPTY}</h3>
  <p class="facts-line">Role: ${person.role ?? "not stated"} · Stance: ${stance}</p>
  ${person.caresAbout.length > 0 ? html`<p><span class="label">Cares about</span> ${person.caresAbout.join("; ")}</p>` : EMPTY}
  ${person.contactPreferences.length > 0 ? html`<p><span class="label">Prefers</span> ${person.contactPreferences.join("; ")}</p>` : EMPTY}
  <details class="person-items"><summary>${person.items.length === 1 ? "1 item" : `${person.items.length} items`} with citations</summary>
    ${renderBriefList(person.items.map((item) => renderBriefItem(item, context)))}
  </details>
</article>`;
}

function renderIntroEmail(brief: Brief): Html {
  const email = brief.introEmail;
  return html`<section class="draft-section" id="intro-email" aria-labelledby="email-heading">
  <h2 id="email-heading">Warm introduction email</h2>
  <p class="muted">For the AE to send${email.sendBy ? html` by <strong>${formatDay(email.sendBy)}</strong>` : EMPTY}${email.basis === "draft" ? " · built from the unapproved draft" : ""}.</p>
  <dl class="facts">
    <div><dt>To</dt><dd>${email.to.join(", ") || "[customer contact]"}</dd></div>
    <div><dt>Cc</dt><dd>${email.cc.join(", ") || "none"}</dd></div>
  </dl>
  <div class="field">
    <label for="intro-subject">Subject</label>
    <div class="copy-row"><input id="intro-subject" type="text" value="${email.subject}" readonly><button type="button" class="button button-small no-print" data-copy="intro-subject">Copy subject</button></div>
  </div>
  <div class="field">
    <label for="intro-body">Body <span class="subtle no-print">(edit freely before copying; nothing here is saved)</span></label>
    <textarea id="intro-body" class="email-body no-print" rows="14" spellcheck="true">${email.body}</textarea>
    <div class="print-only email-print">${email.body}</div>
    <div class="no-print"><button type="button" class="button button-small" data-copy="intro-body">Copy body</button></div>
  </div>
  ${
    email.missing.length + email.notesForAe.length > 0
      ? html`<ul class="notes">${email.missing.map((m) => html`<li>Fill in: ${m}.</li>`)}${email.notesForAe.map((note) => html`<li>${note}</li>`)}</ul>`
      : EMPTY
  }
</section>`;
}

const MILESTONE_STATES = {
  done: { label: "Done", tone: "success" },
  overdue: { label: "Overdue", tone: "danger" },
  upcoming: { label: "Upcoming", tone: "neutral" },
  unscheduled: { label: "No close date", tone: "neutral" },
} as const;

function renderTimeline(view: BriefPageView): Html {
  return html`<section class="draft-section" id="timeline" aria-labelledby="timeline-heading">
  <h2 id="timeline-heading">Handoff timeline</h2>
  ${view.canTrack ? html`<p class="hint no-print">Mark each step done as it happens: the AE sees it on the deal page.</p>` : EMPTY}
  <ol class="timeline">${view.brief.timeline.milestones.map((m) => renderMilestone(m, view))}</ol>
</section>`;
}

function renderMilestone(m: BriefMilestone, view: BriefPageView): Html {
  const state = MILESTONE_STATES[m.state];
  const due =
    m.dueBy === null
      ? "No close date"
      : m.dueFrom !== null && m.dueFrom !== m.dueBy
        ? `${formatDay(m.dueFrom)} to ${formatDay(m.dueBy)}`
        : `By ${formatDay(m.dueBy)}`;
  return html`<li class="milestone milestone-${m.state}">
  <div class="milestone-title">${m.title}</div>
  <div class="facts-line">${m.owner} · ${due}${m.scheduledFor ? ` · scheduled ${formatDay(m.scheduledFor)}` : ""}${m.doneAt ? ` · done ${formatMoment(m.doneAt)}${m.late ? " (late)" : ""}` : ""}</div>
  <div class="milestone-state">${renderBadge(state.label, state.tone)}${
    view.canTrack && isTrackedMilestone(m.key)
      ? renderMilestoneForm(view.deal.id, view.csrfToken, m.key, m.title, m.state === "done")
      : EMPTY
  }</div>
</li>`;
}
