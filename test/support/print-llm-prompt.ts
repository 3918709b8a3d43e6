// Prints the sources as the extraction prompt shows them to the model, with their deal-wide ids,
// for writing hand-written answers: `npx node test/support/print-llm-prompt.ts FILE...`
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { renderSources } from "../../src/extraction/llm/render-sources.ts";
import { createSegmentRefs } from "../../src/extraction/llm/segment-refs.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write("usage: node test/support/print-llm-prompt.ts FILE...\n");
  process.exit(2);
}
const sources = [];
for (const path of paths) sources.push(await parseSource(new Uint8Array(readFileSync(path)), basename(path), DEFAULT_LIMITS));
process.stdout.write(`${renderSources(createSegmentRefs(sources), sources, (text) => text)}\n`);
