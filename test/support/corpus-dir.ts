import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** The shared third-party corpus beside the project; absent in a user's clone. */
export const CORPUS_DIR = resolve(import.meta.dirname, "../../../shared/corpus");

const NOT_INPUTS = new Set(["SOURCES.md", "SHA256SUMS", ".sources.tsv"]);

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

/** Every input file of the corpus, as paths relative to CORPUS_DIR, sorted. */
export function listCorpusFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!NOT_INPUTS.has(name)) files.push(relative(CORPUS_DIR, path));
    }
  };
  walk(CORPUS_DIR);
  return files.sort();
}
