import { runDraftCommand } from "./cli/draft-command.ts";
import { runEvalCommand } from "./cli/eval-command.ts";
import { runParseCommand } from "./cli/parse-command.ts";
import { runServeCommand } from "./cli/serve-command.ts";
import { runUsersCommand } from "./cli/users-command.ts";
import { runVerifyCommand } from "./cli/verify-command.ts";
import type { CliIo } from "./cli/cli-io.ts";
import { AppError, exitCodeFor, isAppError } from "./errors.ts";

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

const COMMANDS: Record<string, Command> = {
  parse: runParseCommand,
  draft: runDraftCommand,
  eval: runEvalCommand,
  verify: runVerifyCommand,
  serve: runServeCommand,
  users: runUsersCommand,
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
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`baton: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    io.stderr(`baton ${name}: ${describeError(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return exitCodeFor(error);
  }
}

function describeError(error: unknown): string {
  if (isAppError(error)) return oneLine(error.message);
  if (error instanceof AppError) return oneLine(error.message);
  return "internal error (run with --debug for details)";
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").slice(0, 500);
}
