import { describe, expect, it } from "vitest";
import { buildHandoffTimeline } from "./build-handoff-timeline.ts";

const states = (timeline: ReturnType<typeof buildHandoffTimeline>) => Object.fromEntries(timeline.milestones.map((m) => [m.key, m.state]));

describe("buildHandoffTimeline", () => {
  it("dates each milestone from the close date", () => {
    const timeline = buildHandoffTimeline({
      closeDate: "2026-02-26",
      documentApprovedAt: null,
      kickoffScheduledFor: null,
      now: new Date("2026-02-26T08:00:00Z"),
    });
    expect(timeline.milestones.map((m) => [m.key, m.dueFrom, m.dueBy])).toEqual([
      ["document", "2026-02-26", "2026-02-27"],
      ["internalCall", "2026-02-26", "2026-02-28"],
      ["introduction", "2026-03-01", "2026-03-01"],
      ["kickoff", "2026-03-03", "2026-03-05"],
      ["checkIn", "2026-03-28", "2026-03-28"],
    ]);
    expect(Object.values(states(timeline))).toEqual(["upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]);
  });

  it("is overdue only once the last due day has passed", () => {
    const at = (iso: string) =>
      states(buildHandoffTimeline({ closeDate: "2026-02-06", documentApprovedAt: null, kickoffScheduledFor: null, now: new Date(iso) }));
    expect(at("2026-02-07T23:59:59Z").document).toBe("upcoming");
    expect(at("2026-02-08T00:00:00Z").document).toBe("overdue");
    expect(at("2026-02-13T12:00:00Z")).toMatchObject({ introduction: "overdue", kickoff: "upcoming", checkIn: "upcoming" });
    expect(at("2026-02-14T00:00:00Z").kickoff).toBe("overdue");
  });

  it("marks the document done at its first approval, late when after its due day", () => {
    const onTime = buildHandoffTimeline({
      closeDate: "2026-02-06",
      documentApprovedAt: "2026-02-07T17:00:00.000Z",
      kickoffScheduledFor: null,
      now: new Date("2026-03-01T00:00:00Z"),
    });
    expect(onTime.milestones[0]).toMatchObject({ state: "done", doneAt: "2026-02-07T17:00:00.000Z", late: false, tracked: true });
    expect(onTime.milestones[1]).toMatchObject({ state: "overdue", tracked: true });
    const late = buildHandoffTimeline({
      closeDate: "2026-02-06",
      documentApprovedAt: "2026-02-10T09:00:00.000Z",
      kickoffScheduledFor: "2026-02-12",
      now: new Date("2026-02-11T00:00:00Z"),
    });
    expect(late.milestones[0]).toMatchObject({ state: "done", late: true });
    expect(late.milestones[3]).toMatchObject({ key: "kickoff", scheduledFor: "2026-02-12", state: "upcoming" });
  });

  it("leaves milestones unscheduled without a real close date", () => {
    for (const closeDate of [null, "2026-02-30", "soon"]) {
      const timeline = buildHandoffTimeline({ closeDate, documentApprovedAt: null, kickoffScheduledFor: null, now: new Date() });
      expect(timeline.closeDate).toBeNull();
      expect(timeline.milestones.every((m) => m.state === "unscheduled" && m.dueBy === null)).toBe(true);
    }
  });

  it("marks the later steps done when the CSM recorded them, late when after their last due day", () => {
    const timeline = buildHandoffTimeline({
      closeDate: "2026-02-06",
      documentApprovedAt: null,
      kickoffScheduledFor: null,
      milestonesDone: { internalCall: "2026-02-07T15:00:00.000Z", kickoff: "2026-02-20T15:00:00.000Z" },
      now: new Date("2026-02-25T12:00:00Z"),
    });
    const byKey = new Map(timeline.milestones.map((m) => [m.key, m]));
    expect(byKey.get("internalCall")).toMatchObject({ state: "done", late: false });
    expect(byKey.get("kickoff")).toMatchObject({ state: "done", late: true });
    expect(byKey.get("introduction")).toMatchObject({ state: "overdue", doneAt: null });
  });
});
