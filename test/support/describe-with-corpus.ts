import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR } from "./corpus-dir.ts";

/** Under CI the corpus is required: its absence fails instead of skipping. */
const corpusRequired = process.env.CI === "true";

/**
 * Declares tests that need the shared corpus (and `paths`, files under it): they run when it is
 * there, show as skipped when it is absent, and under CI=true its absence is one failing test
 * instead. `body` must not read the corpus while it is collected when the corpus is absent.
 */
export function describeWithCorpus(name: string, body: () => void, paths: string[] = []): void {
  const missing = [CORPUS_DIR, ...paths.map((path) => join(CORPUS_DIR, path))].filter((path) => !existsSync(path));
  if (missing.length > 0 && corpusRequired) {
    describe(name, () => {
      it("finds the shared corpus, which CI requires", () => {
        expect.fail(`missing under CI=true: ${missing.join(", ")} (CI clones sit beside a shared/ folder holding corpus/ and gold/)`);
      });
    });
    return;
  }
  describe.skipIf(missing.length > 0)(name, body);
}
