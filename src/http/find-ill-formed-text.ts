/**
 * The path (`checks.3.quote`, `""` for the value itself) of the first string or object key in a parsed request
 * value that is not well-formed Unicode (a lone surrogate, as JSON's "\ud800" makes); undefined when all are.
 * Walks plain objects and arrays only, without recursion, so any nesting depth is safe.
 */
export function findIllFormedText(value: unknown): string | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      if (!current.isWellFormed()) return path.join(".");
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) pending.push({ value: current[i], path: [...path, String(i)] });
    } else if (current !== null && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, inner] = entries[i]!;
        if (!key.isWellFormed()) return [...path, key.toWellFormed()].join(".");
        pending.push({ value: inner, path: [...path, key] });
      }
    }
  }
  return undefined;
}
