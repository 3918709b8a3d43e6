/** Schema migrations, applied in order once each; append new ones, never edit an applied one. */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: "llm-cache",
    sql: `
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        response TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        deal_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX llm_cache_deal ON llm_cache(deal_id);
    `,
  },
  {
    id: 2,
    name: "handoff-service",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('ae', 'csm', 'revops', 'admin')),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      CREATE TABLE deals (
        id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        close_date TEXT,
        amount REAL,
        currency TEXT,
        ae_id TEXT NOT NULL REFERENCES users(id),
        csm_id TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX deals_ae ON deals(ae_id);
      CREATE INDEX deals_csm ON deals(csm_id);
      CREATE TABLE sources (
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        filename TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        content BLOB NOT NULL,
        parsed TEXT NOT NULL,
        extracted_run_id TEXT,
        uploaded_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (deal_id, id)
      );
      CREATE TABLE extraction_runs (
        id TEXT PRIMARY KEY,
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        requested_by TEXT NOT NULL,
        extractor TEXT,
        usage TEXT,
        source_ids TEXT,
        error_code TEXT,
        error_message TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      );
      CREATE INDEX extraction_runs_deal ON extraction_runs(deal_id, created_at);
      CREATE TABLE items (
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        section TEXT NOT NULL,
        statement TEXT NOT NULL,
        extracted_statement TEXT,
        citations TEXT NOT NULL,
        details TEXT NOT NULL,
        flags TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('extracted', 'ae')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'edited', 'rejected')),
        needs_checking INTEGER NOT NULL DEFAULT 0,
        run_id TEXT,
        position INTEGER NOT NULL,
        reviewed_by TEXT,
        reviewed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (deal_id, id)
      );
      CREATE TABLE gap_answers (
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        answer TEXT NOT NULL,
        answered_by TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (deal_id, section)
      );
      CREATE TABLE handoff_versions (
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        document TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        PRIMARY KEY (deal_id, version)
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        object_type TEXT NOT NULL,
        object_id TEXT,
        deal_id TEXT,
        request_id TEXT
      );
      CREATE INDEX audit_log_deal ON audit_log(deal_id);
      -- Append-only: history cannot be rewritten, not even by the service itself.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    id: 3,
    name: "deal-revision",
    // A counter bumped by every change to what a deal's draft, brief or report reads, so caches can key on
    // one integer that is already in the deal row instead of re-reading the items.
    sql: `
      ALTER TABLE deals ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER items_bump_insert AFTER INSERT ON items BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER items_bump_update AFTER UPDATE ON items BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER items_bump_delete AFTER DELETE ON items BEGIN UPDATE deals SET revision = revision + 1 WHERE id = OLD.deal_id; END;
      CREATE TRIGGER gaps_bump_insert AFTER INSERT ON gap_answers BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER gaps_bump_update AFTER UPDATE ON gap_answers BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER gaps_bump_delete AFTER DELETE ON gap_answers BEGIN UPDATE deals SET revision = revision + 1 WHERE id = OLD.deal_id; END;
      CREATE TRIGGER versions_bump_insert AFTER INSERT ON handoff_versions BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER sources_bump_insert AFTER INSERT ON sources BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER sources_bump_delete AFTER DELETE ON sources BEGIN UPDATE deals SET revision = revision + 1 WHERE id = OLD.deal_id; END;
      CREATE TRIGGER deals_bump_update AFTER UPDATE OF account, close_date, amount, currency, ae_id, csm_id ON deals
        BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.id; END;
    `,
  },
  {
    id: 4,
    name: "web-sessions",
    // Browser sessions of the web pages: only a hash of the session id is stored, so a copy of the database
    // signs nobody in; deleting the row (sign-out) revokes the session at once.
    sql: `
      CREATE TABLE web_sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX web_sessions_user ON web_sessions(user_id);
      CREATE INDEX web_sessions_expiry ON web_sessions(expires_at);
    `,
  },
  {
    id: 5,
    name: "run-failure-code-and-items-added",
    // A failed run's code from a closed set (error_code keeps the code it was stored with), and the
    // count of items a run added in its own column instead of inside the usage JSON. Existing rows
    // are carried over: unknown codes read as INTERNAL, and usage keeps only the usage fields.
    sql: `
      ALTER TABLE extraction_runs ADD COLUMN failure_code TEXT
        CHECK (failure_code IN ('INTERRUPTED', 'LLM_FAILED', 'TIMEOUT', 'INVALID_INPUT', 'LIMIT_EXCEEDED', 'CONFIG_INVALID', 'INTERNAL'));
      UPDATE extraction_runs SET failure_code = CASE
          WHEN error_code IN ('INTERRUPTED', 'LLM_FAILED', 'TIMEOUT', 'INVALID_INPUT', 'LIMIT_EXCEEDED', 'CONFIG_INVALID', 'INTERNAL') THEN error_code
          WHEN error_code = 'UNSUPPORTED_FORMAT' THEN 'INVALID_INPUT'
          ELSE 'INTERNAL'
        END
        WHERE error_code IS NOT NULL;
      ALTER TABLE extraction_runs ADD COLUMN items_added INTEGER;
      UPDATE extraction_runs SET
          items_added = json_extract(usage, '$.itemsAdded'),
          usage = json_remove(usage, '$.itemsAdded')
        WHERE usage IS NOT NULL;
    `,
  },
  {
    id: 6,
    name: "handoff-tracking",
    // What the CSM records after the handoff: milestones done (read by the brief's timeline, so they bump the deal's
    // revision like everything else the brief reads) and "received, with questions" notes back to the AE.
    sql: `
      CREATE TABLE handoff_milestones (
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        milestone TEXT NOT NULL CHECK (milestone IN ('internalCall', 'introduction', 'kickoff', 'checkIn')),
        done_at TEXT NOT NULL,
        done_by TEXT NOT NULL,
        PRIMARY KEY (deal_id, milestone)
      );
      CREATE TRIGGER milestones_bump_insert AFTER INSERT ON handoff_milestones BEGIN UPDATE deals SET revision = revision + 1 WHERE id = NEW.deal_id; END;
      CREATE TRIGGER milestones_bump_delete AFTER DELETE ON handoff_milestones BEGIN UPDATE deals SET revision = revision + 1 WHERE id = OLD.deal_id; END;
      CREATE TABLE handoff_feedback (
        id TEXT PRIMARY KEY,
        deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
        questions TEXT,
        sent_by TEXT NOT NULL,
        sent_at TEXT NOT NULL
      );
      CREATE INDEX handoff_feedback_deal ON handoff_feedback(deal_id, sent_at);
    `,
  },
  {
    id: 7,
    name: "deal-key",
    // The deal's own key outside Baton (a batch manifest's deal_key, a CRM's deal id): re-importing the same key
    // finds the same deal instead of making a second one. Deals made by hand have none.
    sql: `
      ALTER TABLE deals ADD COLUMN deal_key TEXT;
      CREATE UNIQUE INDEX deals_deal_key ON deals(deal_key) WHERE deal_key IS NOT NULL;
    `,
  },
  {
    id: 8,
    name: "job-queue",
    // The durable job queue: a job outlives the process that queued it. A worker claims a job by taking its lease
    // (owner and expiry, renewed by a heartbeat); a job whose lease ran out (its worker died) is claimed again.
    // last_error holds a one-line reason, never source content. Times are ISO 8601 UTC, compared as text.
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX jobs_ready ON jobs(status, next_attempt_at);
    `,
  },
  {
    id: 9,
    name: "batches",
    // RevOps' imports: who started one and when, and a row per manifest row with what became of it. A queued row's
    // outcome is read from its run (joined at read time), so progress survives a restart and needs no write-back.
    // The deal and run stay referenced while they exist; deleting a deal leaves the row with its key and no ids.
    sql: `
      CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('cli', 'api'))
      );
      CREATE INDEX batches_created ON batches(created_at);
      CREATE TABLE batch_deals (
        batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        deal_key TEXT NOT NULL,
        deal_id TEXT REFERENCES deals(id) ON DELETE SET NULL,
        run_id TEXT REFERENCES extraction_runs(id) ON DELETE SET NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'unchanged', 'failed')),
        reason TEXT,
        PRIMARY KEY (batch_id, position)
      );
      CREATE INDEX batch_deals_run ON batch_deals(run_id);
      CREATE INDEX batch_deals_deal ON batch_deals(deal_id);
    `,
  },
  {
    id: 10,
    name: "crm-webhook",
    // POST /v1/webhooks/crm: every CRM event id applied (kept, so a redelivery days later is still recognised and
    // answered with the same deal), and the signatures seen while their timestamp is inside the 5-minute window
    // (a replayed request is refused; rows past the window are pruned on each delivery).
    sql: `
      CREATE TABLE crm_webhook_events (
        event_key TEXT PRIMARY KEY,
        deal_key TEXT,
        deal_id TEXT REFERENCES deals(id) ON DELETE SET NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'ignored')),
        received_at TEXT NOT NULL
      );
      CREATE TABLE crm_webhook_signatures (
        signature_hash TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX crm_webhook_signatures_expiry ON crm_webhook_signatures(expires_at);
    `,
  },
  {
    id: 11,
    name: "row-versions",
    // Optimistic concurrency: a version per item, gap answer and deal, sent as the ETag and checked against If-Match in
    // the transaction that writes. Item and deal versions count their own writes (the trigger bumps the deal's on any
    // change of its fields, whoever writes them). A gap answer takes the deal's next revision, so an answer withdrawn and
    // given again never gets back a version someone read before; an unanswered gap is version 0.
    sql: `
      ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE deals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE gap_answers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE gap_answers SET version = (SELECT revision FROM deals WHERE deals.id = gap_answers.deal_id) + 1;
      CREATE TRIGGER deals_version_update AFTER UPDATE OF account, close_date, amount, currency, ae_id, csm_id, deal_key ON deals
        BEGIN UPDATE deals SET version = version + 1 WHERE id = NEW.id; END;
    `,
  },
  {
    id: 12,
    name: "light-source-rows",
    // A source's original bytes and its parse (megabytes) move to a row of their own, and "extracted by run X" to
    // another: a listing of sources read past both (SQLite walks a row's overflow pages to reach later columns) and
    // counted segments by parsing the parse, and marking a source extracted rewrote its megabytes, all on the
    // server's main thread. The segment count is stored once, with the source.
    sql: `
      CREATE TABLE source_extractions (
        deal_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        PRIMARY KEY (deal_id, source_id),
        FOREIGN KEY (deal_id, source_id) REFERENCES sources(deal_id, id) ON DELETE CASCADE
      );
      INSERT INTO source_extractions (deal_id, source_id, run_id)
        SELECT deal_id, id, extracted_run_id FROM sources WHERE extracted_run_id IS NOT NULL;
      CREATE TABLE source_bodies (
        deal_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        content BLOB NOT NULL,
        parsed TEXT NOT NULL,
        PRIMARY KEY (deal_id, source_id),
        FOREIGN KEY (deal_id, source_id) REFERENCES sources(deal_id, id) ON DELETE CASCADE
      );
      INSERT INTO source_bodies (deal_id, source_id, content, parsed) SELECT deal_id, id, content, parsed FROM sources;
      ALTER TABLE sources ADD COLUMN segment_count INTEGER NOT NULL DEFAULT 0;
      UPDATE sources SET segment_count = json_array_length(parsed, '$.segments');
      ALTER TABLE sources DROP COLUMN extracted_run_id;
      ALTER TABLE sources DROP COLUMN content;
      ALTER TABLE sources DROP COLUMN parsed;
    `,
  },
];
