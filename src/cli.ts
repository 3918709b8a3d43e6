import { readFileSync } from "node:fs";
import type { CliIo } from "./cli/cli-io.ts";
import { exitCodeFor, isAppError } from "./errors.ts";

export type { CliIo } from "./cli/cli-io.ts";

const USAGE = `usage: baton <command> [options]

commands:
  parse FILE [--json]          parse one transcript, email, or PDF into segments
  draft FILE... [--json|--md]  draft the handoff document of one deal, every item cited
  verify --source FILE [--segment ID] --quote TEXT [--json]
                               check one quote against a source (JSON lines on stdin without --quote)
  eval --gold DIR --corpus DIR score drafts against hand-annotated gold files
  batch MANIFEST.csv|FOLDER [--dry-run] [--json]
                               RevOps: import deals and their files for the AEs named, and extract them
  serve [--port N]             run the HTTP service (also: npm start)
  users add --name N --email E --role ae|csm|revops|admin
                               add a user and print their API token once (also: users list, users disable --id)

options: --debug (stack and error details), --version; baton COMMAND --help for one command
`;

// Kept here, not in the command modules, so --help never loads a command.
const COMMAND_HELP: Record<string, string> = {
  parse: `usage: baton parse FILE [--json]

Parses one transcript, caption file, speech-to-text JSON, email or PDF into a source and its
segments. FILE - reads standard input (the format is recognised from the content).
  --json   the contract's JSON object instead of a readable summary
`,
  draft: `usage: baton draft FILE... [--json | --md] [--refresh]

Drafts one deal's handoff document from its files, every item citing its source. One FILE may
be - (standard input). Exit 0 done, 2 unusable input or settings, 3 the LLM endpoint failed.
  --json      the draft as JSON        --md   Markdown (the default)
  --refresh   ask the model again even when an answer is cached in BATON_DB
On a terminal, progress (parsing, model calls with time and tokens, grounding) goes to stderr.
`,
  verify: `usage: baton verify --source FILE [--segment ID] --quote TEXT [--json]
       baton verify [--source FILE] [--segment ID] < lines.jsonl

Checks one quote against one source (--source - reads the source from standard input), or
answers JSON lines {"source","segment"?,"quote"} from standard input, one JSON line each.
Exits 0 whenever it answers: the verdict is in the output.
`,
  eval: `usage: baton eval --gold DIR --corpus DIR [--json] [--details] [--price-prompt N --price-completion N]

Scores drafts against hand-annotated gold files: recall and precision per section, citation
validity, tokens and cost (prices per million tokens).
  --details  per deal, the drafted items that match no gold item (section, label, first quote,
             where) and the gold items the draft missed ("details" in the JSON)
`,
  batch: `usage: baton batch MANIFEST.csv|FOLDER [--dry-run] [--json] [--as EMAIL]

Imports deals for the AEs a manifest names and extracts their files, into BATON_DB. The manifest is
CSV with the columns deal_key,account,close_date,ae_email,files (optional amount,currency,csm_email),
files ;-separated and relative to the manifest; or FOLDER holds one subfolder per deal with a
deal.json of the same fields. Re-running it creates, stores and extracts nothing twice.
  --dry-run  change nothing; say what would happen, with LLM calls, tokens and cost
             (prices: BATON_PRICE_PROMPT_PER_MTOK, BATON_PRICE_OUTPUT_PER_MTOK, BATON_PRICE_CURRENCY)
  --json     one JSON object: {batchId, deals: [{dealKey, dealId, status, reason?}], estimate?}
  --as EMAIL the RevOps user recorded as running it (default: the only one)
Exit 0 when the batch ran, even with failed rows (each with its reason); 2 unusable manifest.
`,
  serve: `usage: baton serve [--port N]

Runs the HTTP service on HOST (default 127.0.0.1; 0.0.0.0 in a container) and PORT (default 3000).
`,
  users: `usage: baton users add --name NAME --email EMAIL --role ae|csm|revops|admin [--json]
       baton users list
       baton users disable --id ID

Manages who may call the service; a new token is printed once and stored hashed.
`,
};

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `baton parse` should not pay for the HTTP service's or the LLM client's modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import("./cli/parse-command.ts")).runParseCommand,
  draft: async () => (await import("./cli/draft-command.ts")).runDraftCommand,
  eval: async () => (await import("./cli/eval-command.ts")).runEvalCommand,
  verify: async () => (await import("./cli/verify-command.ts")).runVerifyCommand,
  serve: async () => (await import("./cli/serve-command.ts")).runServeCommand,
  batch: async () => (await import("./cli/batch-command.ts")).runBatchCommand,
  users: async () => (await import("./cli/users-command.ts")).runUsersCommand,
};

// Commands that leave nothing running when they return (no server, queue or thread to wind down).
const ENDS_WITH_ITS_ANSWER = new Set(["draft", "parse"]);

/** Whether the process may end as soon as this invocation's output is written. */
export function endsWithItsAnswer(argv: string[]): boolean {
  return ENDS_WITH_ITS_ANSWER.has(argv.find((a) => a !== "--debug") ?? "");
}

/** Runs one CLI invocation; returns the exit code. Errors print one line (a stack only with --debug). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  if (name === "--version" || name === "-V" || name === "version") {
    io.stdout(`baton ${readVersion()}\n`);
    return 0;
  }
  if (name === "help" && rest[0] !== undefined && COMMAND_HELP[rest[0]] !== undefined) {
    io.stdout(COMMAND_HELP[rest[0]]!);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const loadCommand = COMMANDS[name];
  if (loadCommand === undefined) {
    io.stderr(`baton: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(COMMAND_HELP[name] ?? USAGE);
    return 0;
  }
  try {
    if (name === "draft" || name === "parse") await (await import("./cli/prestart-pdf-worker.ts")).prestartPdfWorker(rest);
    const command = await loadCommand();
    return await command(rest, io);
  } catch (error) {
    io.stderr(`baton ${name}: ${describeError(error)}\n`);
    if (debug && isAppError(error) && Object.keys(error.context).length > 0) {
      // Status, the server's code/param/type, request id and counts: never content.
      io.stderr(`details: ${JSON.stringify(error.context)}\n`);
    }
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return exitCodeFor(error);
  }
}

function describeError(error: unknown): string {
  if (isAppError(error)) return oneLine(error.message);
  return "internal error (run with --debug for details)";
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").slice(0, 500);
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
  return manifest.version ?? "unknown";
}
