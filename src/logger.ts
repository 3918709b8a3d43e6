/** Structured log lines to stderr. Fields are ids, counts and timings: never content, prompts, tokens or keys. */
type LogFields = Record<string, string | number | boolean | null | undefined>;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (level: string, message: string, fields: LogFields = {}) =>
    write(`${JSON.stringify({ at: new Date().toISOString(), level, message, ...fields })}\n`);
  return {
    info: (message, fields) => log("info", message, fields),
    warn: (message, fields) => log("warn", message, fields),
    error: (message, fields) => log("error", message, fields),
  };
}

export const SILENT_LOGGER: Logger = { info() {}, warn() {}, error() {} };
