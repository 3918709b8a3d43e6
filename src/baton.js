#!/usr/bin/env -S node --max-semi-space-size=16 --heap-growing-percent=100 --no-regexp-tier-up
// The first line's Node options (`env -S` splits them): V8's young generation kept to 16 MB a semi-space and the old
// generation let grow to twice its live heap between full collections, so a long call's draft stays under 500 MB of
// resident memory instead of 520-600 MB (README, Performance); and regular expressions compiled to machine code on
// first use instead of interpreted once and compiled on the second (V8's tier-up), which spares a short draft compiling
// the offline rules' patterns twice (about a tenth of `baton draft` on the sample deal). `npm run bench -- draft` and
// `-- cli` start Node with the same ones.
// Plain JavaScript on purpose: Baton's sources are TypeScript run by Node's type stripping, so this
// launcher must load on any Node to say, in one line, why an older one cannot run them.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(
    `baton: Node ${process.version} cannot run Baton, which needs Node 24 or later (it runs its TypeScript sources directly); ` +
      "run it through `npx baton` or `npm start` after `npm install` (they use the project's own Node 24), or install Node 24\n",
  );
  process.exit(2);
}
if (!process.features.typescript) {
  process.stderr.write(
    "baton: this Node has type stripping turned off (--no-experimental-strip-types, perhaps in NODE_OPTIONS); Baton needs it on\n",
  );
  process.exit(2);
}
// Node keeps the compiled (and type-stripped) modules on disk between runs, so a command starts faster the second
// time; a cache that cannot be written is skipped by Node without an error.
const { enableCompileCache, registerHooks } = await import("node:module");
enableCompileCache?.();
// zod's entry re-exports its 60-odd translations of error messages (`z.locales`), two thirds of the modules it loads
// and about a twentieth of `baton draft` on the sample deal; Baton uses only the English messages, which zod loads on
// its own, so here `z.locales` is an empty module.
registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url.endsWith("/zod/v4/locales/index.js") ? { url: "data:text/javascript,", shortCircuit: true } : resolved;
  },
});
await import("./main.ts");
