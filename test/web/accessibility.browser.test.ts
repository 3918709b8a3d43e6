import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailableReason, DESKTOP, launchChromium, PHONE } from "./browser.ts";
import { seedSampleDeal, startWebApp, type WebApp, type WebUser } from "./web-app-harness.ts";

const unavailable = browserUnavailableReason();

/** The WCAG 2.1 A and AA rules axe can check by itself; what needs a person (meaningful order, wording) it cannot. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

describe.skipIf(unavailable !== null)(
  "every page passes an automated accessibility audit (axe-core, WCAG 2.1 AA)",
  { timeout: 600_000 },
  () => {
    let app: WebApp;
    let browser: Browser;
    let ae: WebUser;
    let csm: WebUser;
    let revops: WebUser;
    let dealId: string;

    beforeAll(async () => {
      app = await startWebApp();
      ae = await app.addUser("ae", "Dana Whitlock");
      csm = await app.addUser("csm", "Chris Park");
      revops = await app.addUser("revops", "Rita Ops");
      dealId = await seedSampleDeal(app, ae, csm);
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    async function signedIn(user: WebUser | null): Promise<Page> {
      const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
      if (user === null) return page;
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByLabel("Access token").fill(user.token);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/deals$/);
      return page;
    }

    /** The audit's violations on the page as it is now, as "rule: the elements it names", so a failure says what to fix. */
    async function audit(page: Page): Promise<string[]> {
      const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }

    /** The page's violations at 1280 px and at a phone's width, each prefixed with the width. */
    async function auditAtBothWidths(page: Page, path: string): Promise<string[]> {
      const found: string[] = [];
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await page.goto(`${app.baseUrl}${path}`);
        found.push(...(await audit(page)).map((v) => `${viewport.width} px: ${v}`));
      }
      return found;
    }

    const pages: { name: string; who: () => WebUser | null; path: () => string }[] = [
      { name: "sign-in", who: () => null, path: () => "/sign-in" },
      { name: "deals list", who: () => ae, path: () => "/deals" },
      { name: "new deal", who: () => ae, path: () => "/deals/new" },
      { name: "deal", who: () => ae, path: () => `/deals/${dealId}` },
      { name: "review", who: () => ae, path: () => `/deals/${dealId}/review` },
      { name: "approval preview", who: () => ae, path: () => `/deals/${dealId}/approve` },
      { name: "brief", who: () => csm, path: () => `/deals/${dealId}/brief` },
      { name: "RevOps report", who: () => revops, path: () => "/reports" },
    ];

    for (const target of pages) {
      it(`${target.name}, at 1280 px and 390 px`, async () => {
        const page = await signedIn(target.who());
        try {
          expect(await auditAtBothWidths(page, target.path())).toEqual([]);
        } finally {
          await page.context().close();
        }
      });
    }

    it("the audit itself finds a field without a label", async () => {
      const page = await signedIn(null);
      try {
        await page.goto(`${app.baseUrl}/sign-in`);
        await page.evaluate(() => {
          const doc = (globalThis as unknown as { document: { body: { insertAdjacentHTML(at: string, html: string): void } } }).document;
          doc.body.insertAdjacentHTML("beforeend", '<input type="text" name="unlabelled">');
        });
        expect((await audit(page)).join("\n")).toMatch(/^label \(critical\)/m);
      } finally {
        await page.context().close();
      }
    });
  },
);
