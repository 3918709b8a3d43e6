import { existsSync } from "node:fs";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { formatZodIssue } from "./parse-input.ts";

// Empty strings count as unset, so `FOO=` in .env never overrides a default.
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const intWithDefault = (fallback: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? fallback : Number(v)), z.number().int().positive());

const EnvSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  BATON_MODEL: optionalString,
  BATON_EXTRACTOR: z.preprocess((v) => (v === "" || v === undefined ? "auto" : v), z.enum(["auto", "llm", "offline"])),
  BATON_DB: optionalString,
  PORT: intWithDefault(3000),
  BATON_MAX_FILE_BYTES: intWithDefault(25 * 1024 * 1024),
  BATON_MAX_SEGMENTS: intWithDefault(50_000),
  BATON_PARSE_TIMEOUT_MS: intWithDefault(20_000),
  BATON_PDF_MAX_PAGES: intWithDefault(300),
  BATON_PDF_MEMORY_MB: intWithDefault(512),
  BATON_LLM_TIMEOUT_MS: intWithDefault(120_000),
  BATON_LLM_MAX_RETRIES: z.preprocess((v) => (v === "" || v === undefined ? 2 : Number(v)), z.number().int().min(0).max(10)),
  BATON_LLM_CONTEXT_TOKENS: intWithDefault(24_000),
  BATON_LLM_JSON_MODE: z.preprocess((v) => (v === "" || v === undefined ? "auto" : v), z.enum(["auto", "json_schema", "json_object"])),
  BATON_REQUEST_TIMEOUT_MS: intWithDefault(30_000),
  BATON_JOB_CONCURRENCY: intWithDefault(2),
  BATON_MASK_PII: z.preprocess((v) => (v === "" || v === undefined ? "false" : v), z.enum(["true", "false"])),
});

export type IngestLimits = {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most segments one source may produce. */
  maxSegments: number;
  /** Wall-clock budget for parsing one file. */
  parseTimeoutMs: number;
  /** Pages read from one PDF; later pages are rejected, not silently dropped. */
  pdfMaxPages: number;
  /** Heap cap of the isolated PDF worker process. */
  pdfMemoryMb: number;
  /** Deepest MIME nesting and most MIME parts accepted in one email. */
  mimeMaxDepth: number;
  mimeMaxParts: number;
};

export type Config = {
  extractor: "llm" | "offline";
  llm: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    contextBudgetTokens: number;
    jsonMode: "auto" | "json_schema" | "json_object";
    maskPii: boolean;
  };
  dbPath: string;
  port: number;
  /** Deadline of one HTTP request; its abort reaches the LLM call. */
  requestTimeoutMs: number;
  /** Extraction runs executed at once by the service's job queue. */
  jobConcurrency: number;
  limits: IngestLimits;
};

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxSegments: 50_000,
  parseTimeoutMs: 20_000,
  pdfMaxPages: 300,
  pdfMemoryMb: 512,
  mimeMaxDepth: 8,
  mimeMaxParts: 200,
};

/** Reads the environment once (the only reader of process.env) and validates it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync(".env") && typeof process.loadEnvFile === "function") {
    // The CLI may be started without --env-file-if-exists; existing variables win.
    process.loadEnvFile(".env");
  }
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppError({ code: "CONFIG_INVALID", message: `invalid configuration: ${formatZodIssue(parsed.error, "environment")}` });
  }
  const e = parsed.data;
  const endpointConfigured = e.OPENAI_BASE_URL !== undefined || e.OPENAI_API_KEY !== undefined;
  if (e.BATON_EXTRACTOR === "llm" && !endpointConfigured) {
    throw new AppError({
      code: "CONFIG_INVALID",
      message: "BATON_EXTRACTOR=llm needs OPENAI_API_KEY or OPENAI_BASE_URL",
    });
  }
  const extractor = e.BATON_EXTRACTOR === "auto" ? (endpointConfigured ? "llm" : "offline") : e.BATON_EXTRACTOR;
  return {
    extractor,
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.BATON_MODEL ?? "gpt-4o-mini",
      timeoutMs: e.BATON_LLM_TIMEOUT_MS,
      maxRetries: e.BATON_LLM_MAX_RETRIES,
      contextBudgetTokens: e.BATON_LLM_CONTEXT_TOKENS,
      jsonMode: e.BATON_LLM_JSON_MODE,
      maskPii: e.BATON_MASK_PII === "true",
    },
    dbPath: e.BATON_DB ?? "data/baton.sqlite",
    port: e.PORT,
    requestTimeoutMs: e.BATON_REQUEST_TIMEOUT_MS,
    jobConcurrency: e.BATON_JOB_CONCURRENCY,
    limits: {
      ...DEFAULT_LIMITS,
      maxFileBytes: e.BATON_MAX_FILE_BYTES,
      maxSegments: e.BATON_MAX_SEGMENTS,
      parseTimeoutMs: e.BATON_PARSE_TIMEOUT_MS,
      pdfMaxPages: e.BATON_PDF_MAX_PAGES,
      pdfMemoryMb: e.BATON_PDF_MEMORY_MB,
    },
  };
}
