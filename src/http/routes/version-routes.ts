import { Hono } from "hono";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { approveHandoff } from "../../handoff/approve-handoff.ts";
import { draftMatchesVersion } from "../../handoff/build-handoff-document.ts";
import { loadDealDraft } from "../../handoff/load-deal-draft.ts";
import type { StoredVersion } from "../../storage/version-repository.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";

const VERSION_NUMBER = /^[1-9][0-9]{0,8}$/;

function presentVersion(stored: StoredVersion) {
  return { version: stored.version, approvedAt: stored.approvedAt, approvedBy: stored.approvedBy, document: stored.document };
}

/** Approving a deal's handoff freezes a version; versions stay readable and unchanged whatever happens to the draft. */
export function createVersionRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  routes.post("/:dealId/approve", (c) => {
    const deal = loadDeal(c, deps, "edit");
    const { created, version } = approveHandoff(deps, deal, c.get("user").id);
    if (!created) {
      // Nothing changed since the latest version: no new approval, but its content is shown.
      recordAudit(c, deps, { action: "view", objectType: "handoff_version", objectId: String(version.version), dealId: deal.id });
      return c.json(presentVersion(version), 200);
    }
    for (const itemId of version.document.implicitlyApprovedItemIds) {
      recordAudit(c, deps, { action: "approve", objectType: "item", objectId: itemId, dealId: deal.id });
    }
    recordAudit(c, deps, { action: "approve", objectType: "handoff_version", objectId: String(version.version), dealId: deal.id });
    return c.json(presentVersion(version), 201);
  });

  routes.get("/:dealId/versions", (c) => {
    const deal = loadDeal(c, deps, "read");
    const versions = deps.versions.list(deal.id);
    const latest = deps.versions.latest(deal.id);
    const draftMatchesLatest =
      latest !== undefined && draftMatchesVersion(deal, loadDealDraft(deps, deal.id, { kind: deps.config.extractor }), latest.document);
    recordAudit(c, deps, { action: "view", objectType: "handoff_version_list", objectId: null, dealId: deal.id });
    return c.json({ versions, latestVersion: latest?.version ?? null, draftMatchesLatest });
  });

  routes.get("/:dealId/versions/:version", (c) => {
    const deal = loadDeal(c, deps, "read");
    const raw = c.req.param("version");
    if (!VERSION_NUMBER.test(raw)) throw new AppError({ code: "INVALID_INPUT", message: "version must be a positive integer" });
    const stored = deps.versions.get(deal.id, Number(raw));
    if (stored === undefined) throw new AppError({ code: "NOT_FOUND", message: "version not found" });
    recordAudit(c, deps, { action: "view", objectType: "handoff_version", objectId: String(stored.version), dealId: deal.id });
    return c.json(presentVersion(stored));
  });

  return routes;
}
