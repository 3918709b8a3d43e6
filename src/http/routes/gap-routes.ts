import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { GapIdSchema } from "../../domain/gap-id.ts";
import { answerGap, clearGapAnswer, MAX_GAP_ANSWER_LENGTH } from "../../services/gap-answer-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { formatEntityTag, readIfMatch } from "../entity-tag.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { CompletenessSchema, DraftGapSchema } from "../schemas/draft-schemas.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { DealIdParameter } from "../schemas/path-parameters.ts";
import { ETAG_HEADER, IF_MATCH_SENTENCE, IfMatchHeadersSchema } from "../schemas/precondition-schemas.ts";

const GAP_ETAG_SENTENCE =
  'The ETag of a gap is its answer\'s version in quotes (gaps[].answer.version in the draft), "0" while it has no answer.';

const GapAnswerInputSchema = z
  .object({
    answer: z.string().trim().min(1, "must not be empty").max(MAX_GAP_ANSWER_LENGTH, `at most ${MAX_GAP_ANSWER_LENGTH} characters`),
  })
  .strict()
  .openapi("GapAnswerInput");

const GapPathSchema = z.object({
  dealId: DealIdParameter,
  section: z
    .enum(GapIdSchema.options, { error: `unknown section or gap; expected one of ${GapIdSchema.options.join(", ")}` })
    .describe(
      "the gap's id: a section key (accountOverview, stakeholders, whyTheyBought, …) or a contract field no source states (accountOverview.contractValue, accountOverview.seats, accountOverview.products, accountOverview.contractStart, accountOverview.renewalDate)",
    ),
});

const answerRoute = defineRoute({
  method: "put",
  path: "/v1/deals/{dealId}/gaps/{section}",
  tag: "Review",
  summary: "Answer a gap: what the sources left unsaid about a section or a contract field",
  description:
    "400 for an unknown gap id; 409 when the draft has no such gap: the section already has items, or the sources or the deal state the contract field (edit or add items instead). " +
    `${IF_MATCH_SENTENCE} ${GAP_ETAG_SENTENCE}`,
  access: { deal: "edit" },
  request: {
    params: GapPathSchema,
    headers: IfMatchHeadersSchema,
    body: { required: true, content: { "application/json": { schema: GapAnswerInputSchema } } },
  },
  responses: {
    200: {
      ...jsonContent(
        z.object({ gap: DraftGapSchema, completeness: CompletenessSchema }),
        "the gap with its answer, and the draft's completeness",
      ),
      headers: ETAG_HEADER,
    },
  },
  errors: [409, 412],
});

const clearRoute = defineRoute({
  method: "delete",
  path: "/v1/deals/{dealId}/gaps/{section}",
  tag: "Review",
  summary: "Withdraw the answer to a gap",
  description: `400 for an unknown gap id; 404 when the gap has no answer. ${IF_MATCH_SENTENCE} ${GAP_ETAG_SENTENCE}`,
  access: { deal: "edit" },
  request: { params: GapPathSchema, headers: IfMatchHeadersSchema },
  responses: { 204: { description: "done; no body" } },
  errors: [400, 412],
});

/** The AE's answers to sections the sources left empty ("not stated"): provided by the AE, never shown as sourced. */
export function registerGapRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(answerRoute, (c) => {
    const { dealId, section } = c.req.valid("param");
    const expected = readIfMatch(c.req.valid("header")["if-match"]);
    const answered = answerGap(deps, actorOf(c), dealId, section, c.req.valid("json").answer, expected);
    return c.json(answered, 200, { ETag: formatEntityTag(answered.gap.answer!.version) });
  });
  app.openapi(clearRoute, (c) => {
    const { dealId, section } = c.req.valid("param");
    clearGapAnswer(deps, actorOf(c), dealId, section, readIfMatch(c.req.valid("header")["if-match"]));
    return c.body(null, 204);
  });
}
