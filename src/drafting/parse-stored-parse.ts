import type { ParsedSource } from "../domain/source.ts";
import type { StoredParse } from "../storage/source-repository.ts";

/** A stored parse back as the ParsedSource it was written from (the store wrote it as JSON.stringify's UTF-8). */
export function parseStoredParse(stored: StoredParse): ParsedSource {
  return JSON.parse(new TextDecoder().decode(stored.json)) as ParsedSource;
}
