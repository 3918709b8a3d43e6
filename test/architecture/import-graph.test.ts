import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The import graph of src/ (tests excluded), read from TypeScript's syntax tree: static imports, `import type`,
// `export … from`, dynamic `import()` and `typeof import()` all count. A type-only import is still a dependency.
// (ts.preProcessFile is not enough: its scanner loses track after a backquote inside a regular expression.)

const SRC = resolve(import.meta.dirname, "../../src");

type Graph = {
  /** File (relative to src/, e.g. "drafting/create-draft.ts") to the src files it imports. */
  files: Map<string, string[]>;
  /** File to the packages it imports ("zod", "node:fs", "openai"…). */
  packages: Map<string, string[]>;
};

const toSrcPath = (absolute: string) => relative(SRC, absolute).split("\\").join("/");

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function readSpecifiers(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) specifiers.push(expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specifiers;
}

function readGraph(): Graph {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const paths = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts") && !path.endsWith(".test.ts"))
    .map((path) => toSrcPath(join(SRC, path)))
    .sort();
  for (const path of paths) {
    const local: string[] = [];
    const external: string[] = [];
    for (const fileName of readSpecifiers(join(SRC, path))) {
      if (fileName.startsWith(".")) local.push(toSrcPath(resolve(SRC, dirname(path), fileName)));
      else external.push(fileName);
    }
    files.set(path, [...new Set(local)]);
    packages.set(path, [...new Set(external)]);
  }
  return { files, packages };
}

/** The top-level folder of a src file ("drafting"), or the file itself for src/*.ts ("deps.ts"). */
function folderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? file : file.slice(0, slash);
}

/** One cycle per strongly connected component with more than one node (or a self-loop), as a closed path. */
function findCycles(nodes: string[], next: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next(node)) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next(node).includes(node)) components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components.map((component) => closedPath(component, next));
}

/** The shortest path from the component's first node (in sorted order) back to itself, staying inside it. */
function closedPath(component: string[], next: (node: string) => string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next(node)) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

const graph = readGraph();

/** Every import of a src file, as "from -> to" lines, that matches the predicate. */
function offending(test: (from: string, to: string) => boolean): string[] {
  const lines: string[] = [];
  for (const [from, targets] of graph.files) for (const to of targets) if (test(from, to)) lines.push(`${from} -> ${to}`);
  return lines;
}

function packagesImported(test: (from: string, name: string) => boolean): string[] {
  const lines: string[] = [];
  for (const [from, names] of graph.packages) for (const name of names) if (test(from, name)) lines.push(`${from} -> ${name}`);
  return lines;
}

const packageName = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;

describe("the import graph of src/", () => {
  it("reads the files it checks", () => {
    expect(graph.files.size).toBeGreaterThan(100);
    expect(graph.files.get("deps.ts")).toContain("storage/open-database.ts");
  });

  it("has no import cycle between files", () => {
    const cycles = findCycles([...graph.files.keys()], (file) => (graph.files.get(file) ?? []).filter((to) => graph.files.has(to)));
    expect(cycles.map((cycle) => `file cycle: ${cycle.join(" -> ")}`)).toEqual([]);
  });

  it("has no import cycle between top-level folders (src/*.ts files count as their own node)", () => {
    const edges = new Map<string, Map<string, string>>();
    for (const [from, targets] of graph.files) {
      for (const to of targets) {
        const a = folderOf(from);
        const b = folderOf(to);
        if (a === b) continue;
        if (!edges.has(a)) edges.set(a, new Map());
        // One example import per folder edge, so the message says where to look.
        if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${from} -> ${to}`);
      }
    }
    const cycles = findCycles([...edges.keys()].sort(), (folder) => [...(edges.get(folder)?.keys() ?? [])].sort());
    const messages = cycles.map((cycle) => {
      const steps = cycle.slice(0, -1).map((folder, i) => `  ${edges.get(folder)!.get(cycle[i + 1]!)!}`);
      return [`folder cycle: ${cycle.join(" -> ")}`, ...steps].join("\n");
    });
    expect(messages).toEqual([]);
  });

  it("keeps src/domain a leaf: it imports only src/domain, zod and node built-ins", () => {
    const local = offending((from, to) => from.startsWith("domain/") && !to.startsWith("domain/"));
    const external = packagesImported((from, name) => from.startsWith("domain/") && name !== "zod" && !name.startsWith("node:"));
    expect([...local, ...external]).toEqual([]);
  });

  it("lets only the entry points, the CLI, the HTTP layer, the web pages and the services import the composition root (deps.ts)", () => {
    const allowed = (from: string) => ["main.ts", "cli.ts", "cli", "http", "web", "services"].includes(folderOf(from));
    expect(offending((from, to) => to === "deps.ts" && !allowed(from))).toEqual([]);
  });

  it("keeps ingest, extraction, grounding and drafting free of hono, http/ and cli/", () => {
    const core = (from: string) => ["ingest", "extraction", "grounding", "drafting"].includes(folderOf(from));
    const local = offending((from, to) => core(from) && ["http", "web", "cli", "cli.ts", "main.ts"].includes(folderOf(to)));
    const external = packagesImported((from, name) => core(from) && (packageName(name) === "hono" || name.startsWith("@hono/")));
    expect([...local, ...external]).toEqual([]);
  });

  it("lets only src/config.ts read process.env", () => {
    const readers = [...graph.files.keys()].filter(
      (file) => file !== "config.ts" && /\bprocess\.env\b/.test(readFileSync(join(SRC, file), "utf8")),
    );
    expect(readers).toEqual([]);
  });

  it("lets only src/extraction/llm-client.ts import openai", () => {
    expect(packagesImported((from, name) => packageName(name) === "openai" && from !== "extraction/llm-client.ts")).toEqual([]);
  });
});
