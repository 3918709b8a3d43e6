import { fork } from "node:child_process";
import { EventEmitter, once } from "node:events";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PARENT_GONE_EXIT_CODE } from "./pdf-worker-protocol.ts";
import { watchParent } from "./watch-parent.ts";

class FakeProcess extends EventEmitter {
  connected = true;
  ppid = 4242;
}

describe("watchParent", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports the parent gone once, on the IPC disconnect", () => {
    const link = new FakeProcess();
    const onGone = vi.fn();
    watchParent(link, onGone);
    link.emit("disconnect");
    link.emit("disconnect");
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it("falls back to polling when no disconnect event comes", () => {
    vi.useFakeTimers();
    const link = new FakeProcess();
    const onGone = vi.fn();
    watchParent(link, onGone, 100);
    vi.advanceTimersByTime(300);
    expect(onGone).not.toHaveBeenCalled();
    link.ppid = 1;
    vi.advanceTimersByTime(100);
    expect(onGone).toHaveBeenCalledTimes(1);
    link.connected = false;
    vi.advanceTimersByTime(500);
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it("notices a closed channel on the poll", () => {
    vi.useFakeTimers();
    const link = new FakeProcess();
    const onGone = vi.fn();
    watchParent(link, onGone, 100);
    link.connected = false;
    vi.advanceTimersByTime(100);
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it("does nothing after stop", () => {
    vi.useFakeTimers();
    const link = new FakeProcess();
    const onGone = vi.fn();
    const stop = watchParent(link, onGone, 100);
    stop();
    link.emit("disconnect");
    link.connected = false;
    vi.advanceTimersByTime(500);
    expect(onGone).not.toHaveBeenCalled();
  });

  it("ends a real PDF worker when its parent disconnects", async () => {
    // Forked the way run-pdf-worker.ts forks it; the exit code tells its own watch ended it.
    const child = fork(join(import.meta.dirname, "pdf-worker.ts"), ["4096"], {
      execPath: process.execPath,
      execArgv: ["--max-old-space-size=256"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
      env: {},
    });
    await once(child, "spawn");
    child.disconnect();
    const [code] = await once(child, "exit");
    expect(code).toBe(PARENT_GONE_EXIT_CODE);
  });
});
