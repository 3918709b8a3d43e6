/**
 * Calls `onExceeded` once when `readResidentBytes()` passes `limitMb`, checked at once and then
 * every `intervalMs`. A synchronous stretch of parsing delays the check, which is why the parent
 * watches the child's resident size too. Returns a stop function.
 */
export function watchResidentMemory(
  limitMb: number,
  onExceeded: (residentMb: number) => void,
  options: { intervalMs?: number; readResidentBytes?: () => number } = {},
): () => void {
  const read = options.readResidentBytes ?? (() => process.memoryUsage.rss());
  const check = () => {
    const residentMb = read() / (1024 * 1024);
    if (residentMb > limitMb) {
      clearInterval(poll);
      onExceeded(residentMb);
    }
  };
  const poll = setInterval(check, options.intervalMs ?? 100);
  poll.unref();
  check();
  return () => clearInterval(poll);
}
