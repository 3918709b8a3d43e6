/** The parts of a forked child's `process` that tell whether its parent is still there. */
export type ParentLink = {
  readonly connected?: boolean;
  readonly ppid: number;
  once(event: "disconnect", listener: () => void): unknown;
  off(event: "disconnect", listener: () => void): unknown;
};

/**
 * Calls `onGone` once when the parent goes away: at once on the IPC channel's "disconnect", and,
 * should that event never come (parent killed with SIGKILL mid-write), when a poll every
 * `intervalMs` finds the channel closed or the process re-parented. Returns a stop function.
 */
export function watchParent(link: ParentLink, onGone: () => void, intervalMs = 250): () => void {
  const parentPid = link.ppid;
  let stopped = false;
  const stop = () => {
    stopped = true;
    link.off("disconnect", gone);
    clearInterval(poll);
  };
  function gone() {
    if (stopped) return;
    stop();
    onGone();
  }
  link.once("disconnect", gone);
  const poll = setInterval(() => {
    if (link.connected === false || link.ppid !== parentPid) gone();
  }, intervalMs);
  // The watch alone never keeps the process alive.
  poll.unref();
  return stop;
}
