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
  "UNPROCESSABLE",
  "UNAVAILABLE",
  "PRECONDITION_FAILED",
  "PRECONDITION_REQUIRED",
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
    case "UNPROCESSABLE":
    case "PRECONDITION_FAILED":
    case "PRECONDITION_REQUIRED":
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return 2;
    case "LLM_FAILED":
    case "TIMEOUT":
      return 3;
    case "UNAVAILABLE":
    case "INTERNAL":
      return 1;
  }
}

/** The HTTP statuses an error answers with. */
export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 500 | 502 | 503 | 504;

/** The HTTP status of each error code: one exhaustive switch. */
export function statusFor(code: ErrorCode): HttpErrorStatus {
  switch (code) {
    case "INVALID_INPUT":
      return 400;
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
      return 404;
    case "CONFLICT":
      return 409;
    case "PRECONDITION_FAILED":
      return 412;
    case "PRECONDITION_REQUIRED":
      return 428;
    case "LIMIT_EXCEEDED":
      return 413;
    case "UNSUPPORTED_FORMAT":
      return 415;
    case "UNPROCESSABLE":
      return 422;
    case "UNAVAILABLE":
      return 503;
    case "LLM_FAILED":
      return 502;
    case "TIMEOUT":
      return 504;
    case "CONFIG_INVALID":
    case "INTERNAL":
      return 500;
  }
}
