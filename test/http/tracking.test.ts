import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedFullDeal } from "../support/seed-deal.ts";
import { createTestApp, type TestApp, type TestUser } from "../support/test-app.ts";

let t: TestApp;
let ae: TestUser;
let csm: TestUser;
beforeEach(() => {
  t = createTestApp({ now: () => new Date("2026-02-09T10:00:00Z") });
  ae = t.addUser("ae");
  csm = t.addUser("csm");
});
afterEach(() => t.close());

type Brief = { timeline: { milestones: { key: string; state: string; doneAt: string | null; tracked: boolean }[] } };

describe("the CSM's milestones and feedback", () => {
  it("marks a milestone done, shows it in the brief's timeline, and undoes it", async () => {
    const { deal } = await seedFullDeal(t, ae, csm);
    const timeline = async () =>
      ((await (await t.request("GET", `/v1/deals/${deal.id}/brief`, { token: csm.token })).json()) as Brief).timeline.milestones;
    expect((await timeline()).find((m) => m.key === "kickoff")).toMatchObject({ state: "upcoming", doneAt: null, tracked: true });

    const marked = await t.request("PUT", `/v1/deals/${deal.id}/milestones/kickoff`, { token: csm.token });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({
      milestone: { milestone: "kickoff", label: "Kickoff held", doneAt: "2026-02-09T10:00:00.000Z", doneBy: csm.user.id },
    });
    // The brief is cached by the deal's revision: marking a milestone must show at once.
    expect((await timeline()).find((m) => m.key === "kickoff")).toMatchObject({ state: "done", doneAt: "2026-02-09T10:00:00.000Z" });

    const tracking = await (await t.request("GET", `/v1/deals/${deal.id}/tracking`, { token: ae.token })).json();
    expect((tracking as { milestones: { milestone: string; doneAt: string | null }[] }).milestones.filter((m) => m.doneAt)).toHaveLength(1);

    expect((await t.request("DELETE", `/v1/deals/${deal.id}/milestones/kickoff`, { token: csm.token })).status).toBe(204);
    expect((await timeline()).find((m) => m.key === "kickoff")!.doneAt).toBeNull();
  });

  it("sends 'received, with questions' to the AE, who reads it; the AE may not mark milestones", async () => {
    const { deal } = await seedFullDeal(t, ae, csm);
    const sent = await t.request("POST", `/v1/deals/${deal.id}/feedback`, { token: csm.token, json: { questions: "  Who owns SSO?  " } });
    expect(sent.status).toBe(201);
    await t.request("POST", `/v1/deals/${deal.id}/feedback`, { token: csm.token, json: { questions: "  " } });
    const { feedback } = (await (await t.request("GET", `/v1/deals/${deal.id}/tracking`, { token: ae.token })).json()) as {
      feedback: { questions: string | null; sentBy: string }[];
    };
    expect(feedback.map((f) => f.questions)).toEqual(["Who owns SSO?", null]);
    expect(feedback[0]!.sentBy).toBe(csm.user.id);
    expect((await t.request("PUT", `/v1/deals/${deal.id}/milestones/kickoff`, { token: ae.token })).status).toBe(403);
    const tooLong = await t.request("POST", `/v1/deals/${deal.id}/feedback`, { token: csm.token, json: { questions: "x".repeat(2001) } });
    expect(tooLong.status).toBe(400);
  });
});
