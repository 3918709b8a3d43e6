/** The closed set of error codes; every layer maps these, never free-form strings. */
export const ERROR_CODES = [
  "INVALID_INPUT",
  "UNSUPPORTED_FORMAT",
  "LIMIT_EXCEEDED",
  "CONFIG_INVALID",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "LLM_FAILED",
  "TIMEOUT",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

type AppErrorOptions = {
  code: ErrorCode;
  message: string;
  cause?: unknown;
  /** Ids and counts only: never content, prompts or secrets. */
  context?: Record<string, string | number | boolean | null>;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, string | number | boolean | null>;

  constructor(options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = options.code;
    this.context = options.context ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Exit code of the CLI for an error: 2 for unusable input, 3 when the LLM endpoint failed, 1 otherwise. */
export function exitCodeFor(error: unknown): number {
  if (!isAppError(error)) return 1;
  switch (error.code) {
    case "INVALID_INPUT":
    case "UNSUPPORTED_FORMAT":
    case "LIMIT_EXCEEDED":
    case "CONFIG_INVALID":
    case "NOT_FOUND":
    case "CONFLICT":
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return 2;
    case "LLM_FAILED":
    case "TIMEOUT":
      return 3;
    case "INTERNAL":
      return 1;
  }
}
