import { type GapId, gapIdOf } from "../domain/gap-id.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type ApprovalOutcome, approveHandoff } from "../handoff/approve-handoff.ts";
import { draftMatchesVersion } from "../handoff/build-handoff-document.ts";
import { loadDealDraft } from "../handoff/load-deal-draft.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { StoredVersion, VersionMeta } from "../storage/version-repository.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal } from "./authorize.ts";

type VersionDeps = Pick<AppDeps, "db" | "deals" | "items" | "sources" | "runs" | "gapAnswers" | "versions" | "config"> & AuditDeps;

/** Freezes the current draft as a new version (created: true), or answers the latest one when nothing changed. */
export function approveDeal(deps: VersionDeps, actor: Actor, dealId: string): ApprovalOutcome {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  const outcome = approveHandoff(deps, deal, actor.user.id);
  const { version } = outcome;
  if (!outcome.created) {
    // Nothing changed since the latest version: no new approval, but its content is shown.
    recordAudit(deps, actor, { action: "view", objectType: "handoff_version", objectId: String(version.version), dealId: deal.id });
    return outcome;
  }
  for (const itemId of version.document.implicitlyApprovedItemIds) {
    recordAudit(deps, actor, { action: "approve", objectType: "item", objectId: itemId, dealId: deal.id });
  }
  recordAudit(deps, actor, { action: "approve", objectType: "handoff_version", objectId: String(version.version), dealId: deal.id });
  return outcome;
}

/** One item as the approval preview lists it. */
export type PreviewItem = { id: string; section: SectionKey; statement: string };

/** What approving now would do, computed without approving: what is left unreviewed, excluded, or unanswered. */
export type ApprovalPreview = {
  /** Items in draft that approving would approve on the AE's behalf. */
  unreviewed: PreviewItem[];
  /** Items approved or edited by the AE. */
  reviewedCount: number;
  /** Left out of the handoff: waiting for a citation check, or rejected. */
  needsChecking: PreviewItem[];
  rejected: PreviewItem[];
  /** Gaps (sections with no item, contract fields no source states) with no answer: the CSM will see their question unanswered. */
  openGaps: { id: GapId; section: SectionKey; question: string }[];
  answeredGaps: number;
  latestVersion: number | null;
  /** True when the draft is exactly the latest version: approving creates nothing new. */
  draftMatchesLatest: boolean;
  /** False when there is nothing to approve (no accepted item, no gap answer): approving answers 409. */
  canApprove: boolean;
};

/** Shows what approving the handoff now would include and leave out; changes nothing. */
export function previewApproval(deps: VersionDeps, actor: Actor, dealId: string): ApprovalPreview {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const draft = loadDealDraft(deps, deal, { kind: deps.config.extractor });
  const latest = deps.versions.latest(deal.id);
  const brief = (item: { id: string; section: SectionKey; statement: string }): PreviewItem => ({
    id: item.id,
    section: item.section,
    statement: item.statement,
  });
  const accepted = draft.items.filter((item) => item.status !== "rejected");
  const answeredGaps = draft.gaps.filter((gap) => gap.answer !== undefined).length;
  recordAudit(deps, actor, { action: "view", objectType: "approval_preview", objectId: deal.id, dealId: deal.id });
  return {
    unreviewed: accepted.filter((item) => item.status === "draft").map(brief),
    reviewedCount: accepted.filter((item) => item.status !== "draft").length,
    needsChecking: draft.needsChecking.filter((item) => item.status !== "rejected").map(brief),
    rejected: [...draft.items, ...draft.needsChecking].filter((item) => item.status === "rejected").map(brief),
    openGaps: draft.gaps
      .filter((gap) => gap.answer === undefined)
      .map((gap) => ({ id: gapIdOf(gap), section: gap.section, question: gap.question })),
    answeredGaps,
    latestVersion: latest?.version ?? null,
    draftMatchesLatest: latest !== undefined && draftMatchesVersion(deal, draft, latest.document),
    canApprove: accepted.length > 0 || answeredGaps > 0,
  };
}

/** The approved versions, oldest first, and whether the current draft is exactly the latest one. */
export function listVersions(
  deps: VersionDeps,
  actor: Actor,
  dealId: string,
): { versions: VersionMeta[]; latestVersion: number | null; draftMatchesLatest: boolean } {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const versions = deps.versions.list(deal.id);
  const latest = deps.versions.latest(deal.id);
  const draftMatchesLatest =
    latest !== undefined && draftMatchesVersion(deal, loadDealDraft(deps, deal, { kind: deps.config.extractor }), latest.document);
  recordAudit(deps, actor, { action: "view", objectType: "handoff_version_list", objectId: null, dealId: deal.id });
  return { versions, latestVersion: latest?.version ?? null, draftMatchesLatest };
}

export function readVersion(
  deps: Pick<AppDeps, "deals" | "versions"> & AuditDeps,
  actor: Actor,
  dealId: string,
  version: number,
): StoredVersion {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const stored = deps.versions.get(deal.id, version);
  if (stored === undefined) throw new AppError({ code: "NOT_FOUND", message: "version not found" });
  recordAudit(deps, actor, { action: "view", objectType: "handoff_version", objectId: String(stored.version), dealId: deal.id });
  return stored;
}
