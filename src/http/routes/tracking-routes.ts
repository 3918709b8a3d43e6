import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { MAX_FEEDBACK_LENGTH, TRACKED_MILESTONES } from "../../domain/handoff-tracking.ts";
import { clearMilestone, markMilestone, readTracking, sendFeedback } from "../../services/tracking-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter, DealPathSchema } from "../schemas/path-parameters.ts";

const MilestoneKeySchema = z
  .enum(TRACKED_MILESTONES, { error: `unknown milestone; expected one of ${TRACKED_MILESTONES.join(", ")}` })
  .describe("internalCall (handoff call held), introduction (intro email sent), kickoff (kickoff held), checkIn (day-30 check-in)");

const MilestoneSchema = z
  .object({
    milestone: z.enum(TRACKED_MILESTONES),
    label: z.string(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable().describe("the user id of the CSM who marked it"),
  })
  .openapi("Milestone");

const FeedbackSchema = z
  .object({
    id: z.string(),
    questions: z.string().nullable().describe("null: received, no questions"),
    sentBy: z.string(),
    sentAt: z.string(),
  })
  .openapi("HandoffFeedback");

const FeedbackInputSchema = z
  .object({
    questions: z
      .string()
      .trim()
      .max(MAX_FEEDBACK_LENGTH, `at most ${MAX_FEEDBACK_LENGTH} characters`)
      .nullable()
      .optional()
      .describe("what the CSM wants the AE to clarify; omitted, null or blank: received, no questions"),
  })
  .strict()
  .openapi("HandoffFeedbackInput");

const MilestonePathSchema = z.object({ dealId: DealIdParameter, milestone: MilestoneKeySchema });

const readRoute = defineRoute({
  method: "get",
  path: "/v1/deals/{dealId}/tracking",
  tag: "Handoff tracking",
  summary: "The CSM's milestones and received-with-questions notes",
  access: { deal: "read" },
  request: { params: DealPathSchema },
  responses: {
    200: jsonContent(
      z.object({ milestones: z.array(MilestoneSchema), feedback: z.array(FeedbackSchema).describe("oldest first") }),
      "every tracked milestone, done or not, and the CSM's notes",
    ),
  },
});

const markRoute = defineRoute({
  method: "put",
  path: "/v1/deals/{dealId}/milestones/{milestone}",
  tag: "Handoff tracking",
  summary: "Mark a handoff milestone done",
  description: "Marking a milestone already done keeps its first time. The brief's timeline shows it done. 400 for an unknown milestone.",
  access: { deal: "track" },
  request: { params: MilestonePathSchema },
  responses: { 200: jsonContent(z.object({ milestone: MilestoneSchema }), "the milestone, done") },
  errors: [400],
});

const clearRoute = defineRoute({
  method: "delete",
  path: "/v1/deals/{dealId}/milestones/{milestone}",
  tag: "Handoff tracking",
  summary: "Undo a milestone marked done by mistake",
  description: "Undoing a milestone that is not marked changes nothing and also answers 204. 400 for an unknown milestone.",
  access: { deal: "track" },
  request: { params: MilestonePathSchema },
  responses: { 204: { description: "done; no body" } },
  errors: [400],
});

const feedbackRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/feedback",
  tag: "Handoff tracking",
  summary: "Tell the AE the handoff was received, with questions if any",
  access: { deal: "track" },
  request: { params: DealPathSchema, body: { required: true, content: { "application/json": { schema: FeedbackInputSchema } } } },
  responses: { 201: jsonContent(z.object({ feedback: FeedbackSchema }), "the note as stored") },
});

/** What the CSM records after the handoff: milestones done, and "received, with questions" for the AE. */
export function registerTrackingRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(readRoute, (c) => c.json(readTracking(deps, actorOf(c), c.req.valid("param").dealId), 200));
  app.openapi(markRoute, (c) => {
    const { dealId, milestone } = c.req.valid("param");
    return c.json({ milestone: markMilestone(deps, actorOf(c), dealId, milestone) }, 200);
  });
  app.openapi(clearRoute, (c) => {
    const { dealId, milestone } = c.req.valid("param");
    clearMilestone(deps, actorOf(c), dealId, milestone);
    return c.body(null, 204);
  });
  app.openapi(feedbackRoute, (c) => {
    const questions = c.req.valid("json").questions?.trim() || null;
    return c.json({ feedback: sendFeedback(deps, actorOf(c), c.req.valid("param").dealId, questions) }, 201);
  });
}
