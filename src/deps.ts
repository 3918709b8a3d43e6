import type { Config } from "./config.ts";
import type { Extractor } from "./extraction/extractor.ts";
import { createExtractorFactory } from "./extraction/create-extractor.ts";
import type { LlmCache } from "./extraction/llm-cache.ts";
import { createLlmCacheRepository } from "./storage/llm-cache-repository.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type AuditLog, createAuditLogRepository } from "./storage/audit-log-repository.ts";
import { createDealRepository, type DealRepository } from "./storage/deal-repository.ts";
import { type Database, openDatabase } from "./storage/open-database.ts";
import { createUserRepository, type UserRepository } from "./storage/user-repository.ts";
import { createGapAnswerRepository, type GapAnswerRepository } from "./storage/gap-answer-repository.ts";
import { createVersionRepository, type VersionRepository } from "./storage/version-repository.ts";
import { createItemRepository, type ItemRepository } from "./storage/item-repository.ts";
import { createRunRepository, type RunRepository } from "./storage/run-repository.ts";
import { createSourceRepository, type SourceRepository } from "./storage/source-repository.ts";
import type { JobQueue } from "./jobs/job-queue.ts";
import { createSqliteJobQueue } from "./jobs/sqlite-job-queue.ts";
import { createExtractionJobHandler, EXTRACTION_JOB } from "./jobs/extraction-job.ts";
import { type Clock, SYSTEM_CLOCK } from "./clock.ts";
import { type BriefCache, createBriefCache } from "./handoff/brief-cache.ts";
import { type BatchRepository, createBatchRepository } from "./storage/batch-repository.ts";
import { createHandoffTrackingRepository, type HandoffTrackingRepository } from "./storage/handoff-tracking-repository.ts";
import { createHandoffStatsRepository, type HandoffStatsRepository } from "./storage/handoff-stats-repository.ts";
import { createCrmWebhookRepository, type CrmWebhookRepository } from "./storage/crm-webhook-repository.ts";

/** Everything the service needs, built once; tests build the same with a temp database and msw. */
export type AppDeps = {
  config: Config;
  db: Database;
  users: UserRepository;
  deals: DealRepository;
  audit: AuditLog;
  llmCache: ReturnType<typeof createLlmCacheRepository>;
  sources: SourceRepository;
  runs: RunRepository;
  items: ItemRepository;
  gapAnswers: GapAnswerRepository;
  versions: VersionRepository;
  /** The CSM's milestones and "received, with questions" notes. */
  tracking: HandoffTrackingRepository;
  /** The report's read model across all deals. */
  handoffStats: HandoffStatsRepository;
  /** CRM webhook event ids applied and signatures seen. */
  crmWebhook: CrmWebhookRepository;
  briefCache: BriefCache;
  /** RevOps' imports and their rows. */
  batches: BatchRepository;
  jobs: JobQueue;
  /**
   * The extractor for one deal; its LLM cache entries are tagged with the deal so deletion removes them. With
   * `answeredSince`, cached answers stored before that moment are misses (a refresh run's retry).
   */
  createExtractor(dealId: string, options?: { answeredSince?: string }): Promise<Extractor>;
  logger: Logger;
  now: () => Date;
};

type BuildDepsOptions = {
  db?: Database;
  logger?: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Time for the job queue and the LLM scheduler (and `now` when that is not given); tests pass a manual clock. */
  clock?: Clock;
  /** Jitter of the job queue's backoff (tests fix it). */
  random?: () => number;
};

/** The composition root: database, repositories, extractor factory, clock and logger. */
export function buildDeps(config: Config, options: BuildDepsOptions = {}): AppDeps {
  const db = options.db ?? openDatabase(config.dbPath);
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? SYSTEM_CLOCK;
  const now = options.now ?? (() => new Date(clock.now()));
  const llmCache = createLlmCacheRepository(db, now);
  // One LLM client, prompt and scheduler for the process, however many runs use them.
  const extractorFor = createExtractorFactory(config, { ...(options.fetch ? { fetch: options.fetch } : {}), clock, handBackWaits: true });
  const jobs = createSqliteJobQueue({
    db,
    concurrency: config.jobConcurrency,
    leaseMs: config.jobLeaseMs,
    maxAttempts: config.jobMaxAttempts,
    logger,
    clock,
    ...(options.random ? { random: options.random } : {}),
  });
  const deps: AppDeps = {
    config,
    db,
    users: createUserRepository(db),
    deals: createDealRepository(db),
    audit: createAuditLogRepository(db),
    llmCache,
    sources: createSourceRepository(db),
    runs: createRunRepository(db),
    items: createItemRepository(db),
    gapAnswers: createGapAnswerRepository(db),
    versions: createVersionRepository(db),
    tracking: createHandoffTrackingRepository(db),
    handoffStats: createHandoffStatsRepository(db),
    crmWebhook: createCrmWebhookRepository(db),
    briefCache: createBriefCache(now),
    batches: createBatchRepository(db),
    jobs,
    createExtractor: (dealId, cacheOptions = {}) =>
      extractorFor(
        (): LlmCache => ({
          get: (key) => {
            const entry = llmCache.get(`${dealId}:${key}`);
            const since = cacheOptions.answeredSince;
            return since !== undefined && (entry?.createdAt ?? "") < since ? undefined : entry;
          },
          put: (key, entry) => llmCache.put(`${dealId}:${key}`, { ...entry, dealId }),
        }),
      ),
    logger,
    now,
  };
  jobs.register(EXTRACTION_JOB, createExtractionJobHandler(deps));
  return deps;
}
