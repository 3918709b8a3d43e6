import { GapIdSchema } from "../../domain/gap-id.ts";
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { SectionKeySchema } from "../../domain/sections.ts";
import { approveDeal, listVersions, previewApproval, readVersion } from "../../services/version-service.ts";
import type { StoredVersion } from "../../storage/version-repository.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter, DealPathSchema } from "../schemas/path-parameters.ts";
import { VersionMetaSchema, VersionSchema } from "../schemas/version-schemas.ts";

const approveRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/approve",
  tag: "Review",
  summary: "Approve the handoff: freezes the current draft as a new version",
  description:
    "Items still in draft are approved by the approval itself; rejected items and items waiting for a citation check are left out. " +
    "When nothing changed since the latest version, that version is answered with 200. 409 when there is nothing to approve " +
    "(no accepted item and no gap answer).",
  access: { deal: "edit" },
  request: { params: DealPathSchema },
  responses: {
    201: jsonContent(VersionSchema, "the frozen version: {version, approvedAt, approvedBy, document}"),
    200: jsonContent(VersionSchema, "nothing changed since the latest version, which is answered"),
  },
  errors: [409],
});

const PreviewItemSchema = z.object({ id: z.string(), section: SectionKeySchema, statement: z.string() });

const previewRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/approval-preview",
  tag: "Review",
  summary: "What approving the handoff now would include and leave out",
  description:
    "Read-only: items still unreviewed (approving approves them), items left out, open gaps, and whether approving creates a version.",
  access: { deal: "read" },
  request: { params: DealPathSchema },
  responses: {
    200: jsonContent(
      z
        .object({
          unreviewed: z.array(PreviewItemSchema).describe("items in draft that approving approves on the AE's behalf"),
          reviewedCount: z.number().int(),
          needsChecking: z.array(PreviewItemSchema).describe("left out: every citation failed verification"),
          rejected: z.array(PreviewItemSchema).describe("left out: rejected by the AE"),
          openGaps: z.array(z.object({ id: z.enum(GapIdSchema.options), section: SectionKeySchema, question: z.string() })),
          answeredGaps: z.number().int(),
          latestVersion: z.number().int().nullable(),
          draftMatchesLatest: z.boolean().describe("true: approving creates nothing new"),
          canApprove: z.boolean().describe("false: nothing to approve, approving answers 409"),
        })
        .openapi("ApprovalPreview"),
      "the preview",
    ),
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/versions",
  tag: "Review",
  summary: "List the approved versions",
  access: { deal: "read" },
  request: { params: DealPathSchema },
  responses: {
    200: jsonContent(
      z.object({ versions: z.array(VersionMetaSchema), latestVersion: z.number().int().nullable(), draftMatchesLatest: z.boolean() }),
      "versions, oldest first; whether the current draft is exactly the latest version (false: approving makes a new one)",
    ),
  },
});

const readRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/versions/{version}",
  tag: "Review",
  summary: "Read one approved version with its frozen document",
  access: { deal: "read" },
  request: {
    params: z.object({
      dealId: DealIdParameter,
      version: z
        .string()
        .regex(/^[1-9][0-9]{0,8}$/, "must be a positive integer")
        .describe("the version number (1, 2, …)"),
    }),
  },
  responses: { 200: jsonContent(VersionSchema, "the version") },
  errors: [400],
});

function presentVersion(stored: StoredVersion) {
  return { version: stored.version, approvedAt: stored.approvedAt, approvedBy: stored.approvedBy, document: stored.document };
}

/** Approving a deal's handoff freezes a version; versions stay readable and unchanged whatever happens to the draft. */
export function registerVersionRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(approveRoute, (c) => {
    const { created, version } = approveDeal(deps, actorOf(c), c.req.valid("param").dealId);
    return created ? c.json(presentVersion(version), 201) : c.json(presentVersion(version), 200);
  });
  app.openapi(previewRoute, (c) => c.json(previewApproval(deps, actorOf(c), c.req.valid("param").dealId), 200));
  app.openapi(listRoute, (c) => c.json(listVersions(deps, actorOf(c), c.req.valid("param").dealId), 200));
  app.openapi(readRoute, (c) => {
    const { dealId, version } = c.req.valid("param");
    return c.json(presentVersion(readVersion(deps, actorOf(c), dealId, Number(version))), 200);
  });
}
