import type { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { MAX_FEEDBACK_LENGTH, TrackedMilestoneSchema } from "../domain/handoff-tracking.ts";
import { parseInput } from "../parse-input.ts";
import { clearMilestone, markMilestone, sendFeedback } from "../services/tracking-service.ts";
import { pageActor } from "./review-view.ts";
import type { WebEnv } from "./web-env.ts";
import { formGuards, readForm } from "./web-forms.ts";

const MilestoneFormSchema = z.object({ intent: z.enum(["done", "undo"]) });
const FeedbackFormSchema = z.object({
  questions: z.string().trim().max(MAX_FEEDBACK_LENGTH, `at most ${MAX_FEEDBACK_LENGTH} characters`).optional(),
});

/** The CSM's forms on the brief: milestones done and "received, with questions", through the same services as the API. */
export function registerTrackingActions(routes: Hono<WebEnv>, deps: AppDeps): void {
  const guards = formGuards(deps.config.trustProxy);

  routes.post("/:dealId/brief/milestones/:milestone", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const milestone = parseInput(TrackedMilestoneSchema, c.req.param("milestone") ?? "", "milestone");
    const { intent } = parseInput(MilestoneFormSchema, await readForm(c), "form");
    if (intent === "done") markMilestone(deps, pageActor(c), dealId, milestone);
    else clearMilestone(deps, pageActor(c), dealId, milestone);
    return c.redirect(`/deals/${encodeURIComponent(dealId)}/brief#timeline`, 303);
  });

  routes.post("/:dealId/brief/feedback", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const { questions } = parseInput(FeedbackFormSchema, await readForm(c), "form");
    sendFeedback(deps, pageActor(c), dealId, questions === undefined || questions === "" ? null : questions);
    return c.redirect(`/deals/${encodeURIComponent(dealId)}/brief#feedback`, 303);
  });
}
