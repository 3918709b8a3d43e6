import {
  arrayOf,
  DEAL_ID,
  EDIT_DEAL,
  envelope,
  json,
  NO_CONTENT,
  type OperationSpec,
  ok,
  pathParameter,
  queryParameter,
  READ_DEAL,
  REVOPS_ONLY,
  ref,
} from "./operation-spec.ts";

const SECTION = pathParameter("section", "a section key (accountOverview, stakeholders, whyTheyBought, …)");

/** Review, approval and versions, the CSM brief and the RevOps report. */
export const HANDOFF_OPERATIONS: OperationSpec[] = [
  {
    method: "patch",
    path: "/v1/deals/{dealId}/items/{itemId}",
    tag: "Review",
    summary: "Approve, reject, or edit an item's statement or section",
    description: "An item waiting for a citation check (needsChecking) can only be rejected or left in draft: 409 otherwise.",
    access: EDIT_DEAL,
    parameters: [DEAL_ID, pathParameter("itemId", "the item's id")],
    requestBody: json(ref("ItemPatch")),
    responses: { "200": ok("the item after review", envelope({ item: ref("StoredItem") })) },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: "post",
    path: "/v1/deals/{dealId}/items",
    tag: "Review",
    summary: "Add an item the sources lack, marked as provided by the AE",
    description:
      'The item is approved, with origin "ae" and the flag "ae-provided". With a quote it is checked against the deal\'s sources: ' +
      'a verified quote becomes its citation; an unverified one adds the flag "quote-unverified" and no citation. ' +
      "400 for a sourceId the deal lacks.",
    access: EDIT_DEAL,
    parameters: [DEAL_ID],
    requestBody: json(ref("ItemInput")),
    responses: {
      "201": ok(
        "the new item, and how its quote checked (null without a quote)",
        envelope({ item: ref("StoredItem"), quoteCheck: { anyOf: [ref("QuoteCheck"), { type: "null" }] } }),
      ),
    },
    errors: [400, 403, 404, 413, 415],
  },
  {
    method: "put",
    path: "/v1/deals/{dealId}/gaps/{section}",
    tag: "Review",
    summary: "Answer a gap: what the sources left unsaid about a section",
    description: "400 for an unknown section; 409 when the section already has items (edit or add items instead).",
    access: EDIT_DEAL,
    parameters: [DEAL_ID, SECTION],
    requestBody: json(ref("GapAnswerInput")),
    responses: {
      "200": ok(
        "the gap with its answer, and the draft's completeness",
        envelope({ gap: ref("DraftGap"), completeness: ref("Completeness") }),
      ),
    },
    errors: [400, 403, 404, 409, 413, 415],
  },
  {
    method: "delete",
    path: "/v1/deals/{dealId}/gaps/{section}",
    tag: "Review",
    summary: "Withdraw the answer to a gap",
    description: "400 for an unknown section; 404 when the section has no answer.",
    access: EDIT_DEAL,
    parameters: [DEAL_ID, SECTION],
    responses: NO_CONTENT,
    errors: [400, 403, 404],
  },
  {
    method: "post",
    path: "/v1/deals/{dealId}/approve",
    tag: "Review",
    summary: "Approve the handoff: freezes the current draft as a new version",
    description:
      "Items still in draft are approved by the approval itself; rejected items and items waiting for a citation check are left out. " +
      "When nothing changed since the latest version, that version is answered with 200. 409 when there is nothing to approve " +
      "(no accepted item and no gap answer).",
    access: EDIT_DEAL,
    parameters: [DEAL_ID],
    responses: {
      "201": ok("the frozen version: {version, approvedAt, approvedBy, document}", ref("Version")),
      "200": ok("nothing changed since the latest version, which is answered", ref("Version")),
    },
    errors: [403, 404, 409],
  },
  {
    method: "get",
    path: "/v1/deals/{dealId}/versions",
    tag: "Review",
    summary: "List the approved versions",
    access: READ_DEAL,
    parameters: [DEAL_ID],
    responses: {
      "200": ok(
        "versions, oldest first; whether the current draft is exactly the latest version (false: approving makes a new one)",
        envelope({
          versions: arrayOf("VersionMeta"),
          latestVersion: { type: ["integer", "null"] },
          draftMatchesLatest: { type: "boolean" },
        }),
      ),
    },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/v1/deals/{dealId}/versions/{version}",
    tag: "Review",
    summary: "Read one approved version with its frozen document",
    access: READ_DEAL,
    parameters: [DEAL_ID, pathParameter("version", "the version number (1, 2, …)")],
    responses: { "200": ok("the version", ref("Version")) },
    errors: [400, 403, 404],
  },
  {
    method: "get",
    path: "/v1/deals/{dealId}/brief",
    tag: "Brief",
    summary: "The CSM's pre-kickoff brief: what to confirm, promises, stakeholders, risks, agenda, intro email, timeline",
    description:
      "Built from the latest approved version, else from the draft, which it then says at the top and on every item. " +
      "400 for a format other than json, md and markdown.",
    access: READ_DEAL,
    parameters: [
      DEAL_ID,
      queryParameter("format", "md (or markdown): Markdown, also chosen by Accept: text/markdown; json: JSON", {
        type: "string",
        enum: ["json", "md", "markdown"],
      }),
    ],
    responses: {
      "200": { description: "the brief", content: { "application/json": ref("Brief"), "text/markdown": { type: "string" } } },
    },
    errors: [400, 403, 404],
  },
  {
    method: "get",
    path: "/v1/reports/handoffs",
    tag: "Reports",
    summary: "RevOps report: completion rate, close-to-approval time, recurring gaps by section and AE, unverified rate",
    access: REVOPS_ONLY,
    parameters: [
      queryParameter("format", "csv: text/csv instead of JSON, also chosen by Accept: text/csv; json: JSON", {
        type: "string",
        enum: ["json", "csv"],
      }),
      queryParameter("from", "deals closing on or after this date (YYYY-MM-DD); deals without a close date are left out", {
        type: "string",
        format: "date",
      }),
      queryParameter("to", "deals closing on or before this date (YYYY-MM-DD); not before from", { type: "string", format: "date" }),
    ],
    errors: [400, 403],
    responses: {
      "200": { description: "the report", content: { "application/json": ref("HandoffReport"), "text/csv": { type: "string" } } },
    },
  },
];
