import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** A worker's name on the leases it takes: host, process id and a random tag (two queues in one process differ). */
export function createLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * True when a lease owner is a process of this machine that no longer runs: its jobs need not wait for the lease to
 * expire. Owners on other machines, or unreadable ones, are never presumed dead (their leases expire on their own).
 */
export function isDeadLocalOwner(owner: string): boolean {
  const [host, pidText] = owner.split(":");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
