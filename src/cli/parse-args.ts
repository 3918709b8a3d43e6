import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";
import { AppError } from "../errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs with usage errors turned into one-line INVALID_INPUT errors. */
export function parseArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseNodeArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : "invalid arguments";
    throw new AppError({ code: "INVALID_INPUT", message: message ?? "invalid arguments" });
  }
}
