import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import type { DetailsPatch } from "../domain/editable-details.ts";
import { SectionKeySchema, SECTIONS } from "../domain/sections.ts";
import { GapIdSchema, sectionOfGap } from "../domain/gap-id.ts";
import { gapAnchor } from "./gap-anchor.ts";
import { MAX_QUOTE_LENGTH } from "../grounding/verify-quote.ts";
import { AppError, isAppError } from "../errors.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import { parseInput } from "../parse-input.ts";
import { answerGap, clearGapAnswer, MAX_GAP_ANSWER_LENGTH } from "../services/gap-answer-service.ts";
import { addItem, approveSection, checkAeQuote, type ItemPatch, MAX_STATEMENT_LENGTH, reviewItem } from "../services/review-service.ts";
import { renderItemCard, renderNeedsCheckingCard } from "./partials/item-card.ts";
import { DETAIL_FIELD_PREFIX } from "./partials/item-edit-form.ts";
import { loadPageDeal } from "./load-page-deal.ts";
import { renderReviewProgress } from "./review-page.ts";
import { currentDraft, pageActor, respondWithReviewPage } from "./review-view.ts";
import type { WebEnv } from "./web-env.ts";
import { formGuards, readForm, readFormVersion, runFormAction, wantsJson } from "./web-forms.ts";
import { VERSION_FIELD } from "./partials/version-field.ts";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

const ItemFormSchema = z.object({
  status: z.enum(["approved", "rejected", "draft"]).optional(),
  statement: text(MAX_STATEMENT_LENGTH).optional(),
  section: SectionKeySchema.optional(),
});

const NewItemFormSchema = z.object({
  section: SectionKeySchema,
  statement: text(MAX_STATEMENT_LENGTH),
  quote: text(MAX_QUOTE_LENGTH).optional(),
  sourceId: z.string().max(64).optional(),
});

const QuoteCheckFormSchema = z.object({ quote: text(MAX_QUOTE_LENGTH), sourceId: z.string().max(64).optional() });

const GapFormSchema = z.object({ intent: z.enum(["answer", "clear"]), answer: z.string().optional() });

/** Blank fields are "not given" (a form sends every field); detail fields become a details patch, blank = cleared. */
function readItemPatch(form: Record<string, string>): ItemPatch {
  const given = Object.fromEntries(
    Object.entries(form).filter(([key, value]) => !key.startsWith(DETAIL_FIELD_PREFIX) && key !== VERSION_FIELD && value !== ""),
  );
  const patch: ItemPatch = parseInput(ItemFormSchema, given, "form");
  const details: DetailsPatch = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(DETAIL_FIELD_PREFIX)) details[key.slice(DETAIL_FIELD_PREFIX.length)] = value.trim() === "" ? null : value.trim();
  }
  const result = Object.keys(details).length > 0 ? { ...patch, details } : patch;
  if (Object.keys(result).length === 0) throw new AppError({ code: "INVALID_INPUT", message: "The form said nothing to change." });
  return result;
}

const STATUS_WORDS = { approved: "Approved", edited: "Saved in your words", rejected: "Rejected", draft: "Back to not reviewed" } as const;

/** What the reviewer reads when their write met a newer version: theirs was not saved, the page shows the newer one. */
function changedMeanwhile(what: "item" | "answer", yours: string | undefined): string {
  const shown = what === "item" ? "It now shows what was saved" : "The answer shown is the one saved";
  const kept = yours === undefined || yours.trim() === "" ? "" : ` Yours was: “${yours.trim()}”.`;
  return `Not saved: someone changed this ${what} after this page was loaded. ${shown}; make your change again if it still applies.${kept}`;
}

const isStale = (error: unknown) => isAppError(error) && error.code === "PRECONDITION_FAILED";

/** The review workspace's actions: each form posts to the same service function as its API route. */
export function registerReviewActions(routes: Hono<WebEnv>, deps: AppDeps): void {
  const guards = formGuards(deps.config.trustProxy);
  const reviewPath = (dealId: string, anchor: string) => `/deals/${encodeURIComponent(dealId)}/review#${anchor}`;

  routes.post("/:dealId/review/items/:itemId", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const itemId = c.req.param("itemId") ?? "";
    return runFormAction(
      c,
      async () => {
        const form = await readForm(c);
        // Who may not edit hears that (403) before being told the form is stale.
        loadPageDeal(c, deps, "edit");
        const expected = readFormVersion(form);
        let item: StoredItem;
        try {
          item = reviewItem(deps, pageActor(c), dealId, itemId, readItemPatch(form), expected);
        } catch (error) {
          if (!isStale(error)) throw error;
          const message = changedMeanwhile("item", form.statement);
          // The script swaps in the item as it is now, with this message on it; a plain post gets the page.
          if (!wantsJson(c)) throw new AppError({ code: "PRECONDITION_FAILED", message });
          const current = deps.items.get(dealId, itemId)!;
          return c.json({ error: { code: "PRECONDITION_FAILED", message }, ...renderCardUpdate(c, deps, current) }, 412);
        }
        if (!wantsJson(c)) return c.redirect(reviewPath(dealId, `item-${item.id}`), 303);
        return c.json({ ...renderCardUpdate(c, deps, item), message: `${STATUS_WORDS[item.status]}.` });
      },
      (message, status) => respondWithReviewPage(c, deps, { messages: new Map([[itemId, message]]) }, status),
    );
  });

  routes.post("/:dealId/review/sections/:section/approve", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const section = parseInput(SectionKeySchema, c.req.param("section") ?? "", "section");
    const approved = approveSection(deps, pageActor(c), dealId, section);
    if (wantsJson(c)) return c.json({ approved: approved.length });
    return c.redirect(reviewPath(dealId, `section-${section}`), 303);
  });

  routes.post("/:dealId/review/gaps/:section", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const gapId = parseInput(GapIdSchema, c.req.param("section") ?? "", "gap");
    return runFormAction(
      c,
      async () => {
        const fields = await readForm(c);
        loadPageDeal(c, deps, "edit");
        const expected = readFormVersion(fields);
        const form = parseInput(GapFormSchema, fields, "form");
        try {
          if (form.intent === "clear") clearGapAnswer(deps, pageActor(c), dealId, gapId, expected);
          else answerGap(deps, pageActor(c), dealId, gapId, parseInput(text(MAX_GAP_ANSWER_LENGTH), form.answer ?? "", "answer"), expected);
        } catch (error) {
          if (!isStale(error)) throw error;
          throw new AppError({
            code: "PRECONDITION_FAILED",
            message: changedMeanwhile("answer", form.intent === "answer" ? form.answer : undefined),
          });
        }
        return c.redirect(reviewPath(dealId, gapAnchor(gapId)), 303);
      },
      (message, status) =>
        respondWithReviewPage(
          c,
          deps,
          { formMessages: new Map([[gapAnchor(gapId), `${SECTIONS[sectionOfGap(gapId)].title}: ${message}`]]) },
          status,
        ),
    );
  });

  routes.post("/:dealId/review/items", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    const form = await readForm(c);
    const given = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ""));
    return runFormAction(
      c,
      () => {
        const input = parseInput(NewItemFormSchema, given, "form");
        const { item } = addItem(deps, pageActor(c), dealId, input);
        return c.redirect(reviewPath(dealId, `item-${item.id}`), 303);
      },
      (message, status) =>
        respondWithReviewPage(
          c,
          deps,
          {
            formMessages: new Map([["add-item", message]]),
            addItemInput: {
              section: SectionKeySchema.safeParse(form.section).data,
              statement: form.statement ?? "",
              quote: form.quote ?? "",
              sourceId: form.sourceId ?? "",
            },
          },
          status,
        ),
    );
  });

  // Read-only, for the script: how the quote of an item being added checks, as the AE types.
  routes.post("/:dealId/review/quote-check", ...guards, async (c) => {
    const dealId = c.req.param("dealId") ?? "";
    return runFormAction(
      c,
      async () => {
        const form = await readForm(c);
        const input = parseInput(QuoteCheckFormSchema, { quote: form.quote, ...(form.sourceId ? { sourceId: form.sourceId } : {}) });
        const check = checkAeQuote(deps, pageActor(c), dealId, input);
        return c.json({ match: check.match, reason: check.reason ?? null, found: check.citation?.quote ?? null });
      },
      (message, status) => c.json({ error: { message } }, status),
    );
  });
}

/** An item's card and the review progress, as the script swaps them into the page after a review (or a refusal). */
function renderCardUpdate(c: Context<WebEnv>, deps: AppDeps, item: StoredItem): { card: string; progress: string } {
  const { deal, actions } = loadPageDeal(c, deps, "edit");
  const draft = currentDraft(deps, deal);
  const context = {
    dealId: deal.id,
    filenames: new Map(draft.sources.map((source) => [source.id, source.filename])),
    canEdit: actions.includes("edit"),
    csrfToken: c.get("csrfToken"),
  };
  const card = item.needsChecking ? renderNeedsCheckingCard(item, context) : renderItemCard(item, context);
  return { card: String(card), progress: String(renderReviewProgress(draft)) };
}
