// The Node options the `baton` bin starts Node with, read from the first line of src/baton.js
// (`#!/usr/bin/env -S node …`), so a bench of what `baton draft` does starts its process the same way.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../src/baton.js");

export function binNodeOptions(): string[] {
  const shebang = readFileSync(BIN, "utf8").split("\n", 1)[0]!;
  const options = /^#!\/usr\/bin\/env -S node((?:\s+--\S+)*)\s*$/.exec(shebang)?.[1];
  if (options === undefined) throw new Error(`src/baton.js no longer starts with "#!/usr/bin/env -S node [--options]": ${shebang}`);
  return options
    .trim()
    .split(/\s+/)
    .filter((option) => option !== "");
}
