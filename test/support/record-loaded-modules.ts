// Preloaded with `node --import` by the start-up test: writes every module URL the process resolved (static and
// dynamic imports, packages and src files alike) as JSON lines to the file named by BATON_TEST_MODULE_LOG at exit.
import { appendFileSync } from "node:fs";
import { registerHooks } from "node:module";

const logPath = process.env.BATON_TEST_MODULE_LOG;
if (logPath === undefined || logPath === "") throw new Error("record-loaded-modules.ts needs BATON_TEST_MODULE_LOG");

const urls = new Set<string>();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    urls.add(resolved.url);
    return resolved;
  },
});
process.on("exit", () => {
  appendFileSync(logPath, [...urls].map((url) => `${JSON.stringify(url)}\n`).join(""));
});
