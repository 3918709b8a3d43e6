/** A parsed JSON object; vendor parsers read fields through these guards, never by casting. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is an array, else an empty array (absent fields read as "nothing"). */
export function readArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function readRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function readString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A finite number, also from a numeric string ("5.24"), as vendors write times both ways. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Follows a path of object keys; undefined as soon as a step is missing. */
export function readPath(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The first element of an array when it is an object (alternatives[0] and the like). */
export function readFirstRecord(value: unknown): JsonRecord | undefined {
  return Array.isArray(value) ? readRecord(value[0]) : undefined;
}

/** True when some of the first few elements are objects with every one of the keys. */
export function hasElementsWith(value: unknown, ...keys: string[]): boolean {
  if (!Array.isArray(value)) return false;
  const sample = value.length > 20 ? value.slice(0, 20) : value;
  return sample.some((item) => isRecord(item) && keys.every((key) => key in item));
}
