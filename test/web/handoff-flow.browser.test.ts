import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_DEAL_DIR } from "../cli/run-captured-cli.ts";
import { browserUnavailableReason, DESKTOP, launchChromium, PHONE, screenshot } from "./browser.ts";
import { startWebApp, type WebApp, type WebUser } from "./web-app-harness.ts";

// What page.evaluate sees of the page (the project's type library has no DOM).
type DropTarget = { dispatchEvent(event: unknown): boolean };
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean }) => unknown;
declare const File: new (parts: unknown[], name: string) => unknown;
declare function atob(data: string): string;
declare const document: { activeElement: { id: string; getAttribute(name: string): string | null } | null };

const unavailable = browserUnavailableReason();

describe.skipIf(unavailable !== null)("the whole handoff in a browser", { timeout: 180_000 }, () => {
  let app: WebApp;
  let browser: Browser;
  let ae: WebUser;
  let csm: WebUser;
  let dealId: string;

  beforeAll(async () => {
    app = await startWebApp();
    ae = await app.addUser("ae", "Dana Whitlock");
    csm = await app.addUser("csm", "Chris Park");
    const created = await app.api(ae, "POST", "/v1/deals", {
      account: "Kestrel Ridge Freight",
      closeDate: "2026-02-06",
      amount: 77040,
      currency: "USD",
      csmId: csm.id,
    });
    dealId = ((await created.json()) as { id: string }).id;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(user: WebUser, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel("Access token").fill(user.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/deals$/);
    return page;
  }

  const announced = (page: Page, text: string) =>
    page.waitForFunction(
      (expected) =>
        (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } | null } }).document
          .getElementById("announcer")
          ?.textContent.includes(expected),
      text,
    );

  it("an AE uploads the sample deal by dropping its files, runs the extraction and sees it finish", async () => {
    const page = await signIn(ae);
    await page.goto(`${app.baseUrl}/deals/${dealId}`);
    const files = readdirSync(SAMPLE_DEAL_DIR)
      .sort()
      .map((name) => ({ name, base64: readFileSync(join(SAMPLE_DEAL_DIR, name)).toString("base64") }));
    const zone = await page.locator("[data-upload-form]").elementHandle();
    await page.evaluate(
      ({ zone, files }) => {
        const transfer = new DataTransfer();
        for (const file of files) {
          const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], file.name));
        }
        (zone as unknown as DropTarget).dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true }));
      },
      { zone, files },
    );
    await page.locator(".upload-result .badge", { hasText: "Added" }).nth(3).waitFor();
    expect(await page.locator(".upload-result").allTextContents()).toEqual(files.map((f) => expect.stringContaining(f.name)));
    await screenshot(page, "deal-uploaded", true);

    await page.getByRole("link", { name: "Show the new sources and run the extraction" }).click();
    await page.getByRole("button", { name: "Run the extraction" }).waitFor();
    expect(await page.locator("#extraction").textContent()).toContain("4 sources not extracted yet");
    await page.getByRole("button", { name: "Run the extraction" }).click();
    // The live region repeats the same words for screen readers: look in the panel itself.
    await page
      .locator("#extraction")
      .getByText(/Extraction finished: \d+ items added from 4 sources/)
      .waitFor();
    // The tiles, the sources and the runs catch up without a reload.
    await page.locator("#deal-stats").getByText("Succeeded").waitFor();
    expect(await page.locator("#deal-stats").textContent()).not.toContain("No items");
    expect(await page.locator("#deal-sources .badge", { hasText: "Extracted" }).count()).toBe(4);
    expect(await page.locator("#extraction-hint").textContent()).toContain("Every source is extracted");
    await screenshot(page, "deal-extracted", true);
    await page.locator("#extraction").getByRole("link", { name: "Review the draft" }).click();
    await page.getByRole("heading", { name: "Review: Kestrel Ridge Freight" }).waitFor();
    expect(app.deps.items.list(dealId).length).toBeGreaterThan(20);
  });

  it("the AE follows a citation, reviews with the keyboard, answers a gap and approves after seeing what is unreviewed", async () => {
    const page = await signIn(ae);
    await page.goto(`${app.baseUrl}/deals/${dealId}/review`);
    const promise = app.deps.items.list(dealId).find((i) => i.section === "promises" && i.citations.length === 1)!;
    const citation = promise.citations[0]!;
    const expected = app.deps.sources.getParsed(dealId, citation.sourceId)!.source.text.slice(citation.charStart, citation.charEnd);
    await page.locator(`#item-${promise.id} a.chip`).first().click();
    await page.locator("[data-panel-body] mark").first().waitFor();
    expect((await page.locator("[data-panel-body] mark").allTextContents()).join("")).toBe(expected);
    await page.keyboard.press("Escape");

    // A promise a later source says was delivered says so in words, with those words and their file.
    const delivered = page.locator("[data-item]", { has: page.locator("dd", { hasText: "done: “Ray says" }) });
    expect(await delivered.locator("dd", { hasText: "done:" }).textContent()).toBe(
      "done: “Ray says the SOC 2 report looks fine” (email-thread.eml)",
    );
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      await delivered.scrollIntoViewIfNeeded();
      await screenshot(page, "review-done-promise", true);
    }

    const ids = await page
      .locator("#section-successCriteria [data-item]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-item")!));
    await page.locator(`#item-${ids[0]}`).focus();
    await page.keyboard.press("a");
    await announced(page, "Approved.");
    await page.keyboard.press("j");
    await page.keyboard.press("e");
    await page.locator(`#statement-input-${ids[1]}`).fill("Success at 90 days: handle time down to four minutes.");
    await page.keyboard.press("Control+Enter");
    await announced(page, "Saved in your words.");
    await page.keyboard.press("j");
    await page.keyboard.press("r");
    await announced(page, "Rejected.");
    expect(ids.slice(0, 3).map((id) => app.deps.items.get(dealId, id)!.status)).toEqual(["approved", "edited", "rejected"]);

    // The sample deal covers every section: rejecting both competition items leaves a gap to answer.
    for (const id of await page
      .locator("#section-competition [data-item]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-item")!))) {
      await page.locator(`#item-${id} button[data-action="reject"]`).click();
      await page.locator(`#item-${id}.item-rejected`).waitFor();
    }
    await page.reload();
    const answer = page.locator("#gap-competition").getByLabel("Your answer");
    await answer.fill("They also looked at Zendesk; no other vendor was in the running.");
    await page.locator("#gap-competition").getByRole("button", { name: "Save answer" }).click();
    await page.waitForURL(/#gap-competition$/);
    expect(app.deps.gapAnswers.list(dealId).map((a) => a.section)).toEqual(["competition"]);
    expect(await page.locator("#gap-competition .gap-answer").textContent()).toContain("They also looked at Zendesk");
    await screenshot(page, "review-after", true);

    await page.getByRole("link", { name: "Approve handoff…" }).click();
    await page.getByRole("heading", { name: /Approve the handoff/ }).waitFor();
    const unreviewed = app.deps.items.list(dealId).filter((i) => i.status === "draft" && !i.needsChecking).length;
    expect(await page.locator(".summary-list").textContent()).toContain(`${unreviewed} items not reviewed yet`);
    await screenshot(page, "approve");
    expect(app.deps.versions.latest(dealId)).toBeUndefined();
    await page.getByRole("button", { name: new RegExp(`Approve, including ${unreviewed} unreviewed items`) }).click();
    await page.getByText("Approved: version 1 created.").waitFor();
    expect(app.deps.versions.latest(dealId)?.version).toBe(1);
    await screenshot(page, "approved");
  });

  it("the CSM opens the approved brief, marks the kickoff held and sends questions back; the AE reads them", async () => {
    const page = await signIn(csm);
    await page.getByRole("link", { name: "Kestrel Ridge Freight" }).click();
    await page.getByRole("link", { name: "CSM brief" }).click();
    await page.getByRole("heading", { name: "Brief: Kestrel Ridge Freight" }).waitFor();
    expect(await page.locator(".draft-banner").count()).toBe(0);
    await page.getByRole("button", { name: /^Mark done\W+CSM-led kickoff/ }).click();
    await page.waitForURL(/#timeline$/);
    expect(await page.locator(".milestone", { hasText: "CSM-led kickoff" }).locator(".badge").first().textContent()).toBe("Done");
    expect(app.deps.tracking.listMilestones(dealId).map((m) => m.milestone)).toEqual(["kickoff"]);
    await page.getByLabel("Questions for the AE").fill("Who on their side owns the Okta SCIM setup?");
    await page.getByRole("button", { name: "Tell the AE it is received" }).click();
    await page.waitForURL(/#feedback$/);
    await screenshot(page, "brief-tracking", true);
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.baseUrl}/deals/${dealId}/brief#timeline`);
      await screenshot(page, "brief-timeline", true);
      // The discovery call's recap step was due weeks before the last email: the brief leaves it to the draft.
      await page.goto(`${app.baseUrl}/deals/${dealId}/brief#next-steps`);
      await page.locator("#next-steps").getByText("One step was due before the latest source: see the draft.").waitFor();
      expect(await page.locator("#next-steps").textContent()).not.toContain("recap and a draft proposal");
      await screenshot(page, "brief-next-steps", true);
    }

    const aePage = await signIn(ae);
    await aePage.goto(`${app.baseUrl}/deals/${dealId}`);
    expect(await aePage.locator("#from-csm").textContent()).toContain("Who on their side owns the Okta SCIM setup?");
  });

  it("RevOps opens the report: completeness per AE and the most-missed sections as charts", async () => {
    const revops = await app.addUser("revops", "Riley Ops");
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signIn(revops, viewport);
      await page.getByRole("link", { name: "Report" }).click();
      await page.getByRole("heading", { name: "Handoff report" }).waitFor();
      expect(await page.getByRole("img", { name: "Mean completeness of each AE's handoffs" }).isVisible()).toBe(true);
      expect(await page.getByText("No batches yet.").isVisible()).toBe(true);
      expect(
        await page.evaluate(
          () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, "report");
    }
  });

  it("shows every page of the deal in one column at 390 px, and takes each at 1280 px too", async () => {
    const sourceId = app.deps.sources.listMeta(dealId)[0]!.id;
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await signIn(ae, viewport);
      for (const [path, name] of [
        ["", "deal-actions"],
        ["/review", "review-actions"],
        ["/approve", "approve"],
        ["/approve?version=1&created=1", "approved"],
        [`/sources/${sourceId}`, "source"],
      ] as const) {
        await page.goto(`${app.baseUrl}/deals/${dealId}${path}`);
        expect(
          await page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
          ),
          path,
        ).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, name, true);
      }
    }
  });
});
