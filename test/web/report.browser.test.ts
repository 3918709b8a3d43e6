import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftItem } from "../../src/domain/item.ts";
import type { SectionKey } from "../../src/domain/sections.ts";
import { NO_USAGE } from "../../src/domain/usage.ts";
import { browserUnavailableReason, DESKTOP, launchChromium, PHONE, screenshot } from "./browser.ts";
import { startWebApp, type WebApp, type WebUser } from "./web-app-harness.ts";

const unavailable = browserUnavailableReason();

type Seed = { section: SectionKey; details: Record<string, unknown> };
const CONTRACT: Seed[] = ["contractValue", "seats", "products", "contractStart"].map((field) => ({
  section: "accountOverview",
  details: { field },
}));
const PEOPLE: Seed[] = [
  { section: "stakeholders", details: { role: "champion" } },
  { section: "stakeholders", details: { role: "economicBuyer" } },
];
const CONTEXT: Seed[] = (["whyTheyBought", "successCriteria", "promises", "objections", "redFlags", "nextSteps"] as const).map(
  (section) => ({
    section,
    details: {},
  }),
);

// Closed deals for two AEs over six weeks up to today (the app runs on the real clock): those closed more than a week
// before they are created here count as backfilled. Some approved, each with an extraction run's usage.
const DEALS: { account: string; daysAgo: number; ae: "dana" | "omar"; seeds: Seed[]; approve: boolean }[] = [
  { account: "Kestrel Ridge Freight", daysAgo: 38, ae: "dana", seeds: [...CONTRACT, ...PEOPLE, ...CONTEXT], approve: true },
  { account: "Harbor Labs", daysAgo: 30, ae: "omar", seeds: [...CONTRACT.slice(0, 2), ...CONTEXT.slice(0, 3)], approve: false },
  { account: "Northwind Traders", daysAgo: 22, ae: "dana", seeds: [...PEOPLE, ...CONTEXT], approve: true },
  { account: "Contoso Ltd", daysAgo: 15, ae: "omar", seeds: CONTEXT.slice(0, 2), approve: false },
  { account: "Fabrikam", daysAgo: 6, ae: "dana", seeds: [...CONTRACT, ...PEOPLE, ...CONTEXT.slice(0, 4)], approve: true },
  { account: "Tailspin Toys", daysAgo: 1, ae: "omar", seeds: [...CONTRACT, ...CONTEXT], approve: true },
];
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(unavailable !== null)("the RevOps report in a browser", { timeout: 180_000 }, () => {
  let app: WebApp;
  let browser: Browser;
  let revops: WebUser;

  beforeAll(async () => {
    app = await startWebApp({ BATON_PRICE_PROMPT_PER_MTOK: "0.15", BATON_PRICE_OUTPUT_PER_MTOK: "0.60" });
    const aes = { dana: await app.addUser("ae", "Dana Whitlock"), omar: await app.addUser("ae", "Omar Reyes") };
    revops = await app.addUser("revops", "Riley Ops");
    for (const [index, spec] of DEALS.entries()) {
      const now = app.deps.now();
      const deal = app.deps.deals.add(
        {
          account: spec.account,
          closeDate: daysBefore(now, spec.daysAgo),
          amount: 50_000,
          currency: "USD",
          aeId: aes[spec.ae].id,
          csmId: null,
        },
        now,
      );
      const items: DraftItem[] = spec.seeds.map((seed, n) => ({
        id: `itm_${index}_${n}`,
        section: seed.section,
        statement: `Item ${n}.`,
        citations: [
          { sourceId: "src_x", segmentId: "s1", speaker: null, startMs: null, quote: "q", charStart: 0, charEnd: 1, match: "exact" },
        ],
        status: "draft",
        details: seed.details,
        origin: "extracted",
      }));
      app.deps.items.addIfNew(
        deal.id,
        items.map((item) => ({ item, needsChecking: false })),
        null,
        now,
      );
      const run = app.deps.runs.create(deal.id, aes[spec.ae].id, now);
      const usage = { ...NO_USAGE, llmCalls: 3, promptTokens: 90_000 + index * 7_000, completionTokens: 12_000 + index * 900 };
      app.deps.runs.markSucceeded(
        run.id,
        { extractor: { kind: "llm", model: "gpt-4o-mini" }, usage, sourceIds: [], itemsAdded: items.length },
        now,
      );
      if (spec.approve) expect((await app.api(aes[spec.ae], "POST", `/v1/deals/${deal.id}/approve`)).status).toBe(201);
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("charts completeness over time and the most-missed fields, fits 390 px, and is shot at 1280 and 390 px", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByLabel("Access token").fill(revops.token);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/deals$/);
      await page.goto(`${app.baseUrl}/reports`);
      await page.getByRole("heading", { name: "Handoff report" }).waitFor();
      expect(await page.getByRole("img", { name: "Mean completeness per week of close date" }).isVisible()).toBe(true);
      expect(await page.getByRole("img", { name: "How many deals miss each field" }).isVisible()).toBe(true);
      expect(await page.locator(".stat", { hasText: "Extraction cost" }).textContent()).toContain("$");
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, "report-over-time");
      await page.locator("#over-time-heading").scrollIntoViewIfNeeded();
      await screenshot(page, "report-over-time-charts", true);
      await context.close();
    }
  });
});
