// The schema's values that state nothing about an item: "unknown" stance, "other" kind or role, "unspecified" horizon.
const SAYS_NOTHING = new Set(["unknown", "other", "unspecified"]);

/** Whether a detail's value is one of the schema's "nothing stated" values. */
export function saysNothing(value: unknown): boolean {
  return typeof value === "string" && SAYS_NOTHING.has(value);
}
