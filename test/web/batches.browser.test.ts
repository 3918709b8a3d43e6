import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBatchPeople, batchForm, type BatchPeople, sampleBatchForm } from "../support/batch-world.ts";
import { browserUnavailableReason, DESKTOP, launchChromium, PHONE, screenshot } from "./browser.ts";
import { startWebApp, type WebApp } from "./web-app-harness.ts";

// The report page's batches as RevOps sees them at 1280 and 390 px, after two imports through the API (one with a
// bad row), screenshots in test-artifacts/screenshots/report-batches-*.png.

const unavailable = browserUnavailableReason();
if (unavailable !== null && process.env.CI === "true") {
  it("runs the browser tests (CI=true)", () => {
    throw new Error(`CI=true and ${unavailable}: the browser tests must run in CI`);
  });
}

describe.skipIf(unavailable !== null)("the report page's batches in a browser", { timeout: 120_000 }, () => {
  let app: WebApp;
  let browser: Browser;
  let people: BatchPeople;

  beforeAll(async () => {
    app = await startWebApp();
    people = addBatchPeople(app);
    const asRevOps = {
      id: people.rita.user.id,
      name: "Rita Ops",
      email: people.rita.user.email,
      role: "revops" as const,
      token: people.rita.token,
    };
    expect((await app.api(asRevOps, "POST", "/v1/batches", sampleBatchForm())).status).toBe(202);
    const bad = "deal_key,account,close_date,ae_email,files\nCRM-7,Quill Press,2026-13-01,lena.moss@corvala.example,call.vtt\n";
    expect((await app.api(asRevOps, "POST", "/v1/batches", batchForm(bad, {}))).status).toBe(202);
    await app.deps.jobs.idle();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(viewport: typeof DESKTOP): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel("Access token").fill(people.rita.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/deals$/);
    return page;
  }

  it("lists both batches with their progress and opens a failed row's reason, in one column at 390 px", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signIn(viewport);
      await page.goto(`${app.baseUrl}/reports`);
      const batches = page.getByRole("table", { name: "RevOps batches, newest first" });
      await batches.waitFor();
      expect(await batches.getByRole("row").count()).toBe(3);
      expect(await batches.getByText("3/3 deals settled").isVisible()).toBe(true);
      await batches.getByText("1 deal", { exact: true }).click();
      expect(await batches.getByText(/close_date: /).isVisible()).toBe(true);
      const scrollWidth = await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
      );
      expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
      await page.getByRole("heading", { name: "Batches" }).scrollIntoViewIfNeeded();
      await screenshot(page, "report-batches", true);
    }
  });
});
