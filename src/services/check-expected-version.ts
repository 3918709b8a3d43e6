import type { ExpectedVersion } from "../domain/expected-version.ts";
import { AppError } from "../errors.ts";

/**
 * Refuses a write that expected another version of the object than the current one (PRECONDITION_FAILED, 412, with
 * the current version in the error's context for the ETag header). Call it inside the transaction that writes.
 */
export function checkExpectedVersion(expected: ExpectedVersion | undefined, current: number, what: string): void {
  if (expected === undefined || expected === "any" || expected.versions.includes(current)) return;
  throw staleVersion(current, what);
}

/** The refusal of a write whose object changed since the version the writer read. */
export function staleVersion(current: number, what: string): AppError {
  return new AppError({
    code: "PRECONDITION_FAILED",
    message:
      `${what} changed since the version you read: it is now version ${current} (ETag "${current}"). ` +
      "Read it again and reapply your change if it still holds",
    context: { currentVersion: current },
  });
}
