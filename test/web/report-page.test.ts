import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedFullDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { getPage, signIn } from "./web-session.ts";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe("the RevOps report page", () => {
  it("charts completeness per AE and the most-missed sections, and says there are no batches yet", async () => {
    const dana = t.addUser("ae", "Dana Whitlock");
    const omar = t.addUser("ae", "Omar Reyes");
    await seedFullDeal(t, dana);
    await seedFullDeal(t, omar);
    const session = await signIn(t, t.addUser("revops", "Riley Ops").token);
    const res = await getPage(t, session, "/reports");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<svg class="chart" id="chart-completeness"');
    expect(page).toContain('<svg class="chart" id="chart-missed"');
    expect(page).toMatch(/<desc id="chart-completeness-desc">[^<]*Dana Whitlock: 18%[^<]*Omar Reyes: 18%/);
    expect(page).toContain("No batches yet.");
    // Both deals closed on 2026-02-06, a Friday: one week, starting Monday 2026-02-02.
    expect(page).toMatch(/<desc id="chart-over-time-desc">Week of Feb 2, 2026: 18% over 2 deals<\/desc>/);
    expect(page).toMatch(/<desc id="chart-missed-fields-desc">[^<]*Renewal date: 2 deals/);
    expect(page).toContain('<span class="stat-label">Extraction cost</span>');
    // Counts only: the report never carries what customers said.
    expect(page).not.toContain("refund the onboarding fee");
    expect(page).toContain('<a href="/reports">Report</a>');
  });

  it("is RevOps' only, like the API's report", async () => {
    const ae = t.addUser("ae");
    const res = await getPage(t, await signIn(t, ae.token), "/reports");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("only RevOps views reports");
  });
});
