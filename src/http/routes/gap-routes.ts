import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../deps.ts";
import { SECTION_KEYS, SectionKeySchema, type SectionKey } from "../../domain/sections.ts";
import { AppError } from "../../errors.ts";
import { loadDealDraft } from "../../handoff/load-deal-draft.ts";
import type { AppEnv } from "../app-env.ts";
import { loadDeal, recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

/** Longest answer an AE may give to a gap question. */
export const MAX_GAP_ANSWER_LENGTH = 2000;

export const GapAnswerSchema = z
  .object({
    answer: z.string().trim().min(1, "must not be empty").max(MAX_GAP_ANSWER_LENGTH, `at most ${MAX_GAP_ANSWER_LENGTH} characters`),
  })
  .strict();

function readSection(c: Context<AppEnv>): SectionKey {
  const parsed = SectionKeySchema.safeParse(c.req.param("section"));
  if (!parsed.success) {
    throw new AppError({ code: "INVALID_INPUT", message: `unknown section; expected one of ${SECTION_KEYS.join(", ")}` });
  }
  return parsed.data;
}

/** The AE's answers to sections the sources left empty ("not stated"): provided by the AE, never shown as sourced. */
export function createGapRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  const draftOf = (dealId: string) => loadDealDraft(deps, dealId, { kind: deps.config.extractor });

  routes.put("/:dealId/gaps/:section", async (c) => {
    const deal = loadDeal(c, deps, "edit");
    const section = readSection(c);
    const { answer } = await readJsonBody(c, GapAnswerSchema);
    if (!draftOf(deal.id).gaps.some((gap) => gap.section === section)) {
      throw new AppError({
        code: "CONFLICT",
        message: `section ${section} already has items: edit them or add an item instead of answering a gap`,
      });
    }
    deps.gapAnswers.set(deal.id, section, answer, c.get("user").id, deps.now());
    recordAudit(c, deps, { action: "change", objectType: "gap_answer", objectId: section, dealId: deal.id });
    const draft = draftOf(deal.id);
    return c.json({ gap: draft.gaps.find((gap) => gap.section === section), completeness: draft.completeness });
  });

  routes.delete("/:dealId/gaps/:section", (c) => {
    const deal = loadDeal(c, deps, "edit");
    const section = readSection(c);
    if (!deps.gapAnswers.clear(deal.id, section)) {
      throw new AppError({ code: "NOT_FOUND", message: `no answer to remove for section ${section}` });
    }
    recordAudit(c, deps, { action: "delete", objectType: "gap_answer", objectId: section, dealId: deal.id });
    return c.body(null, 204);
  });

  return routes;
}
