import { existsSync } from "node:fs";
import { z } from "zod";
import type { TokenPricing } from "./domain/token-cost.ts";
import { AppError } from "./errors.ts";
import { DEFAULT_LIMITS, type IngestLimits } from "./ingest-limits.ts";
import { formatZodIssue } from "./parse-input.ts";

// Kept where every caller has always found them; they live apart so that code starting before the settings load
// (the CLI's early PDF worker) has the defaults without loading zod.
export { DEFAULT_LIMITS, type IngestLimits };

// Empty strings count as unset, so `FOO=` in .env never overrides a default.
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const optionalPrice = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : Number(v)),
  z.number().nonnegative().max(1e6).optional(),
);
const optionalPositiveInt = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : Number(v)),
  z.number().int().positive().optional(),
);
const intWithDefault = (fallback: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? fallback : Number(v)), z.number().int().positive());

/** Every default of the configuration, in one place; the environment overrides each. */
const DEFAULTS = {
  model: "gpt-4o-mini",
  dbPath: "data/baton.sqlite",
  port: 3000,
  llmTimeoutMs: 120_000,
  llmMaxRetries: 2,
  llmContextTokens: 32_768,
  llmMaxOutputTokens: 8_000,
  host: "127.0.0.1",
  requestTimeoutMs: 30_000,
  jobConcurrency: 2,
  draftTimeoutMs: 300_000,
  draftMemoryMb: 2_048,
  jobLeaseMs: 30_000,
  jobMaxAttempts: 5,
  priceCurrency: "USD",
} as const;

const EnvSchema = z.object({
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  BATON_MODEL: optionalString,
  BATON_EXTRACTOR: z.preprocess((v) => (v === "" || v === undefined ? "auto" : v), z.enum(["auto", "llm", "offline"])),
  BATON_DB: optionalString,
  PORT: intWithDefault(DEFAULTS.port),
  HOST: optionalString,
  BATON_MAX_FILE_BYTES: intWithDefault(DEFAULT_LIMITS.maxFileBytes),
  BATON_MAX_SEGMENTS: intWithDefault(DEFAULT_LIMITS.maxSegments),
  BATON_PARSE_TIMEOUT_MS: intWithDefault(DEFAULT_LIMITS.parseTimeoutMs),
  BATON_PDF_MAX_PAGES: intWithDefault(DEFAULT_LIMITS.pdfMaxPages),
  BATON_PDF_MEMORY_MB: intWithDefault(DEFAULT_LIMITS.pdfMemoryMb),
  BATON_PDF_WORKERS: intWithDefault(DEFAULT_LIMITS.pdfWorkers),
  BATON_PDF_WORKER_FILES: intWithDefault(DEFAULT_LIMITS.pdfWorkerFiles),
  BATON_MAX_SPEAKERS: intWithDefault(DEFAULT_LIMITS.maxSpeakers),
  BATON_PARSE_WORKERS: intWithDefault(DEFAULT_LIMITS.parseWorkers),
  BATON_PARSE_MEMORY_MB: intWithDefault(DEFAULT_LIMITS.parseMemoryMb),
  BATON_LLM_TIMEOUT_MS: intWithDefault(DEFAULTS.llmTimeoutMs),
  BATON_LLM_MAX_RETRIES: z.preprocess(
    (v) => (v === "" || v === undefined ? DEFAULTS.llmMaxRetries : Number(v)),
    z.number().int().min(0).max(10),
  ),
  BATON_LLM_CONTEXT_TOKENS: intWithDefault(DEFAULTS.llmContextTokens),
  BATON_LLM_MAX_OUTPUT_TOKENS: intWithDefault(DEFAULTS.llmMaxOutputTokens),
  BATON_LLM_TEMPERATURE: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().min(0).max(2).optional()),
  BATON_LLM_JSON_MODE: z.preprocess((v) => (v === "" || v === undefined ? "auto" : v), z.enum(["auto", "json_schema", "json_object"])),
  BATON_REQUEST_TIMEOUT_MS: intWithDefault(DEFAULTS.requestTimeoutMs),
  BATON_JOB_CONCURRENCY: intWithDefault(DEFAULTS.jobConcurrency),
  BATON_DRAFT_TIMEOUT_MS: intWithDefault(DEFAULTS.draftTimeoutMs),
  BATON_DRAFT_MEMORY_MB: intWithDefault(DEFAULTS.draftMemoryMb),
  BATON_JOB_LEASE_MS: z.preprocess(
    (v) => (v === "" || v === undefined ? DEFAULTS.jobLeaseMs : Number(v)),
    z.number().int().min(1_000, "must be at least 1000 (a lease shorter than a second is lost to a busy event loop)"),
  ),
  BATON_JOB_MAX_ATTEMPTS: intWithDefault(DEFAULTS.jobMaxAttempts),
  BATON_LLM_RPM: optionalPositiveInt,
  BATON_LLM_TPM: optionalPositiveInt,
  BATON_MASK_PII: z.preprocess((v) => (v === "" || v === undefined ? "false" : v), z.enum(["true", "false"])),
  BATON_TRUST_PROXY: z.preprocess((v) => (v === "" || v === undefined ? "false" : v), z.enum(["true", "false"])),
  BATON_CRM_WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, "at least 16 characters").optional()),
  BATON_CRM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
  BATON_PRICE_PROMPT_PER_MTOK: optionalPrice,
  BATON_PRICE_OUTPUT_PER_MTOK: optionalPrice,
  BATON_PRICE_CURRENCY: z.preprocess((v) => (v === "" || v === undefined ? DEFAULTS.priceCurrency : v), z.string().regex(/^[A-Z]{3}$/)),
});

export type Config = {
  extractor: "llm" | "offline";
  /** How the extractor was chosen: "auto" found an endpoint in the environment, "explicit" was BATON_EXTRACTOR. */
  extractorChoice: "auto" | "explicit";
  llm: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    /** The model's context window in tokens: fixed prompt, source text and the output reservation together. */
    contextTokens: number;
    /** Output tokens reserved and asked for on each call (max_tokens or max_completion_tokens). */
    maxOutputTokens: number;
    /** Sent only when set: reasoning models reject it, and servers have their own default. */
    temperature: number | undefined;
    jsonMode: "auto" | "json_schema" | "json_object";
    maskPii: boolean;
    /** Requests per minute the scheduler lets through, shared by every worker; unset: only the endpoint's headers limit. */
    requestsPerMinute: number | undefined;
    /** Tokens (prompt plus output reservation) per minute, likewise. */
    tokensPerMinute: number | undefined;
  };
  dbPath: string;
  port: number;
  /** Address `baton serve` listens on; 127.0.0.1 unless HOST says otherwise (0.0.0.0 in a container). */
  host: string;
  /** Deadline of one HTTP request; its abort reaches the LLM call. */
  requestTimeoutMs: number;
  /** Extraction runs executed at once by the service's job queue. */
  jobConcurrency: number;
  /** The service's draft threads: one per job worker, each with a hard deadline and a heap cap. */
  drafting: { threads: number; timeoutMs: number; memoryMb: number };
  /** How long a worker's claim on a job holds without a heartbeat (a crashed worker's jobs are taken over after it). */
  jobLeaseMs: number;
  /** Attempts of a job before it is dead-lettered (rate limits and shutdowns do not count). */
  jobMaxAttempts: number;
  /** Behind a TLS-terminating proxy: X-Forwarded-Proto says whether the browser's request was HTTPS (secure cookies). */
  trustProxy: boolean;
  limits: IngestLimits;
  /** POST /v1/webhooks/crm: answers 503 until a secret is set (see README, "CRM webhook"). */
  crmWebhook: {
    secret: string | undefined;
    /** The URL the CRM posts to, as HubSpot's v3 signature covers it; default: the URL of the request as received. */
    url: string | undefined;
  };
  /** Price per million tokens, for the report's actual cost and batch estimates; cost is null while unset. */
  pricing: TokenPricing;
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
  if ((e.BATON_PRICE_PROMPT_PER_MTOK === undefined) !== (e.BATON_PRICE_OUTPUT_PER_MTOK === undefined)) {
    throw new AppError({
      code: "CONFIG_INVALID",
      message: "set both BATON_PRICE_PROMPT_PER_MTOK and BATON_PRICE_OUTPUT_PER_MTOK, or neither",
    });
  }
  const extractor = e.BATON_EXTRACTOR === "auto" ? (endpointConfigured ? "llm" : "offline") : e.BATON_EXTRACTOR;
  return {
    extractor,
    extractorChoice: e.BATON_EXTRACTOR === "auto" ? "auto" : "explicit",
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.BATON_MODEL ?? DEFAULTS.model,
      timeoutMs: e.BATON_LLM_TIMEOUT_MS,
      maxRetries: e.BATON_LLM_MAX_RETRIES,
      contextTokens: e.BATON_LLM_CONTEXT_TOKENS,
      maxOutputTokens: e.BATON_LLM_MAX_OUTPUT_TOKENS,
      temperature: e.BATON_LLM_TEMPERATURE,
      jsonMode: e.BATON_LLM_JSON_MODE,
      maskPii: e.BATON_MASK_PII === "true",
      requestsPerMinute: e.BATON_LLM_RPM,
      tokensPerMinute: e.BATON_LLM_TPM,
    },
    dbPath: e.BATON_DB ?? DEFAULTS.dbPath,
    port: e.PORT,
    host: e.HOST ?? DEFAULTS.host,
    requestTimeoutMs: e.BATON_REQUEST_TIMEOUT_MS,
    jobConcurrency: e.BATON_JOB_CONCURRENCY,
    drafting: { threads: e.BATON_JOB_CONCURRENCY, timeoutMs: e.BATON_DRAFT_TIMEOUT_MS, memoryMb: e.BATON_DRAFT_MEMORY_MB },
    jobLeaseMs: e.BATON_JOB_LEASE_MS,
    jobMaxAttempts: e.BATON_JOB_MAX_ATTEMPTS,
    trustProxy: e.BATON_TRUST_PROXY === "true",
    limits: {
      ...DEFAULT_LIMITS,
      maxFileBytes: e.BATON_MAX_FILE_BYTES,
      maxSegments: e.BATON_MAX_SEGMENTS,
      parseTimeoutMs: e.BATON_PARSE_TIMEOUT_MS,
      pdfMaxPages: e.BATON_PDF_MAX_PAGES,
      pdfMemoryMb: e.BATON_PDF_MEMORY_MB,
      pdfWorkers: e.BATON_PDF_WORKERS,
      pdfWorkerFiles: e.BATON_PDF_WORKER_FILES,
      maxSpeakers: e.BATON_MAX_SPEAKERS,
      parseWorkers: e.BATON_PARSE_WORKERS,
      parseMemoryMb: e.BATON_PARSE_MEMORY_MB,
    },
    crmWebhook: { secret: e.BATON_CRM_WEBHOOK_SECRET, url: e.BATON_CRM_WEBHOOK_URL },
    pricing:
      e.BATON_PRICE_PROMPT_PER_MTOK === undefined || e.BATON_PRICE_OUTPUT_PER_MTOK === undefined
        ? null
        : {
            promptPerMillionTokens: e.BATON_PRICE_PROMPT_PER_MTOK,
            outputPerMillionTokens: e.BATON_PRICE_OUTPUT_PER_MTOK,
            currency: e.BATON_PRICE_CURRENCY,
          },
  };
}
