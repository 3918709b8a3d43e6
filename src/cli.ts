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
  serve [--port N]             run the HTTP service (also: npm start)
  users add --name N --email E --role ae|csm|revops|admin
                               add a user and print their API token once (also: users list, users disable --id)
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on demand: `baton parse` should not pay for the HTTP service's or the LLM client's modules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import("./cli/parse-command.ts")).runParseCommand,
  draft: async () => (await import("./cli/draft-command.ts")).runDraftCommand,
  eval: async () => (await import("./cli/eval-command.ts")).runEvalCommand,
  verify: async () => (await import("./cli/verify-command.ts")).runVerifyCommand,
  serve: async () => (await import("./cli/serve-command.ts")).runServeCommand,
  users: async () => (await import("./cli/users-command.ts")).runUsersCommand,
};

/** Runs one CLI invocation; returns the exit code. Errors print one line (a stack only with --debug). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const loadCommand = COMMANDS[name];
  if (loadCommand === undefined) {
    io.stderr(`baton: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    const command = await loadCommand();
    return await command(rest, io);
  } catch (error) {
    io.stderr(`baton ${name}: ${describeError(error)}\n`);
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
