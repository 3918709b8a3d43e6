#!/usr/bin/env node
import { endsWithItsAnswer, runCli } from "./cli.ts";

// `baton draft --json | head` closes the pipe early: that is the reader's choice, not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
const code = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  stderrIsTty: process.stderr.isTTY === true,
});
process.exitCode = code;
// Such a command's process ends once its output is written, without waiting for Node to take its heap apart.
if (endsWithItsAnswer(argv)) process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
