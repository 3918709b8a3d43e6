import { afterEach, describe, expect, it, vi } from "vitest";
import { watchResidentMemory } from "./watch-resident-memory.ts";

const MB = 1024 * 1024;

describe("watchResidentMemory", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports once when the resident size passes the cap", () => {
    vi.useFakeTimers();
    let resident = 50 * MB;
    const onExceeded = vi.fn();
    watchResidentMemory(100, onExceeded, { intervalMs: 100, readResidentBytes: () => resident });
    vi.advanceTimersByTime(300);
    expect(onExceeded).not.toHaveBeenCalled();
    resident = 150 * MB;
    vi.advanceTimersByTime(100);
    expect(onExceeded).toHaveBeenCalledWith(150);
    vi.advanceTimersByTime(500);
    expect(onExceeded).toHaveBeenCalledTimes(1);
  });

  it("checks at once, before the first interval", () => {
    vi.useFakeTimers();
    const onExceeded = vi.fn();
    watchResidentMemory(10, onExceeded, { readResidentBytes: () => 20 * MB });
    expect(onExceeded).toHaveBeenCalledTimes(1);
  });

  it("does nothing after stop", () => {
    vi.useFakeTimers();
    let resident = 0;
    const onExceeded = vi.fn();
    const stop = watchResidentMemory(10, onExceeded, { intervalMs: 100, readResidentBytes: () => resident });
    stop();
    resident = 20 * MB;
    vi.advanceTimersByTime(500);
    expect(onExceeded).not.toHaveBeenCalled();
  });
});
