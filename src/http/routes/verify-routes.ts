import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { VerifyAnswerSchema } from "../../grounding/verify-answer.ts";
import { MAX_VERIFY_CHECKS, MAX_VERIFY_QUOTE_CHARACTERS, verifyMany, verifyOne } from "../../services/verify-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { DealPathSchema } from "../schemas/path-parameters.ts";

// Quotes over MAX_QUOTE_LENGTH (2,000) are answered `unverified` with "quote too long", as `baton verify`
// does; this bound only keeps a single field from being a whole document (the CLI's line cap).
const MAX_QUOTE_FIELD = 1_000_000;

const VerifyCheckSchema = z
  .object({
    source: z.string().min(1).max(200).describe("a source id of this deal"),
    segment: z.string().max(200).nullish().describe("the segment id the quote is said to come from"),
    quote: z.string().max(MAX_QUOTE_FIELD).describe("the quote to check; at most 2,000 characters are checked"),
  })
  .strict()
  .openapi("VerifyCheck");

const VerifyBatchSchema = z
  .object({ checks: z.array(VerifyCheckSchema).min(1).max(MAX_VERIFY_CHECKS) })
  .strict()
  .openapi("VerifyBatch");

// `baton verify`'s answer, named for the document (a schema built elsewhere cannot be named: see draft-schemas.ts).
const VerifyAnswerDocSchema = z.object(VerifyAnswerSchema.shape).openapi("VerifyAnswer");

const verifyRoute = defineRoute({
  method: "post",
  path: "/v1/deals/{dealId}/verify",
  tag: "Verify",
  summary: "Check quotes against the deal's sources: the answer of `baton verify --json`",
  description:
    `One check {source, segment?, quote} answers one VerifyAnswer (404 for an unknown source); {checks: [...]} (at most ${MAX_VERIFY_CHECKS}) ` +
    "answers {results} in order, a check naming an unknown source answered unverified. Quotes over 2,000 characters are answered unverified (quote too long). " +
    `The quotes a batch has checked may total at most ${MAX_VERIFY_QUOTE_CHARACTERS.toLocaleString("en-US")} characters (longer quotes, answered at once, do not count): ` +
    "over that, 413 naming the limit and nothing is checked. " +
    "Unless unverified, quote === source.text.slice(charStart, charEnd).",
  access: { deal: "read" },
  request: {
    params: DealPathSchema,
    body: { required: true, content: { "application/json": { schema: z.union([VerifyCheckSchema, VerifyBatchSchema]) } } },
  },
  responses: {
    200: {
      description: "the verdicts",
      content: {
        "application/json": {
          schema: z.union([VerifyAnswerDocSchema, z.object({ results: z.array(VerifyAnswerDocSchema) }).openapi("VerifyBatchResult")]),
        },
      },
    },
  },
});

/** POST /v1/deals/{dealId}/verify: `baton verify --json` as a service, under the deal's read permission. */
export function registerVerifyRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(verifyRoute, async (c) => {
    const body = c.req.valid("json");
    const dealId = c.req.valid("param").dealId;
    if (!("checks" in body)) return c.json(verifyOne(deps, actorOf(c), dealId, body), 200);
    return c.json({ results: await verifyMany(deps, actorOf(c), dealId, body.checks, c.get("signal")) }, 200);
  });
}
