// The store's SQL schema, as numbered migrations applied in order, each once
// (recorded in stagecraft_migrations). A released migration is never edited: a
// change is a new entry. Every table is keyed by workspace first, so several
// workspaces can share one database (and later be spread over processes)
// without moving data.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "workspaces, log, outputs, snapshots",
    sql: `
CREATE TABLE stagecraft_workspaces (
  workspace   text PRIMARY KEY,
  -- The rules the log was written by: their fingerprint and their IR (JSON),
  -- so that a start with other rules can say which rules differ.
  fingerprint text NOT NULL,
  rules       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The truth: accepted input events and clock advances, in processing order.
-- at is the instant the entry was processed at (output form, UTC); event is
-- the input event as accepted (JSON), null for a clock advance (kind 'tick').
CREATE TABLE stagecraft_log (
  workspace text   NOT NULL,
  position  bigint NOT NULL,
  kind      text   NOT NULL CHECK (kind IN ('event', 'tick')),
  event_id  text,
  at        text   NOT NULL,
  event     text,
  PRIMARY KEY (workspace, position),
  CHECK ((kind = 'event') = (event_id IS NOT NULL AND event IS NOT NULL))
);
CREATE UNIQUE INDEX stagecraft_log_event_id ON stagecraft_log (workspace, event_id);

-- What each log entry produced, stored in the same statement as the entry;
-- line is the output as run prints it.
CREATE TABLE stagecraft_outputs (
  workspace    text   NOT NULL,
  position     bigint NOT NULL,
  log_position bigint NOT NULL,
  output_id    text   NOT NULL,
  line         text   NOT NULL,
  PRIMARY KEY (workspace, position),
  UNIQUE (workspace, output_id)
);

-- The engine's state after the log entry at log_position, so a restart
-- replays only what came after it.
CREATE TABLE stagecraft_snapshots (
  workspace       text   NOT NULL,
  log_position    bigint NOT NULL,
  output_position bigint NOT NULL,
  events          bigint NOT NULL,
  fingerprint     text   NOT NULL,
  state           text   NOT NULL,
  taken_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace, log_position)
);
`,
  },
  {
    version: 2,
    name: "snapshots in parts",
    sql: `
-- A snapshot is a head (stagecraft_snapshots.state: the engine's counters and
-- how many items each list holds, JSON) and parts (rows of records, timers,
-- instances, each JSON of at most a few thousand rows). The parts are written
-- first, one statement each, while the service goes on; the head is written
-- last, in the transaction that drops older snapshots, so a snapshot without
-- its head does not count. Snapshots of the one-text form are dropped: the
-- log replays what they held.
DELETE FROM stagecraft_snapshots;
ALTER TABLE stagecraft_snapshots ADD COLUMN parts integer NOT NULL DEFAULT 0;
CREATE TABLE stagecraft_snapshot_parts (
  workspace    text    NOT NULL,
  log_position bigint  NOT NULL,
  part         integer NOT NULL,
  data         text    NOT NULL,
  PRIMARY KEY (workspace, log_position, part)
);
`,
  },
  {
    version: 3,
    name: "rule versions and deploys",
    sql: `
-- Every version of the rules a workspace has run, kept so the log replays
-- with the rules of its time (docs/versions.md "Deploy"). Version 1 is the
-- rules the workspace started with; each deploy adds the next. rules is the
-- program's IR (JSON) as stagecraft_workspaces.rules holds it, which stays
-- the active version's; sources the deployed files (JSON [{path, text}]; '[]'
-- for rules serve read from disk); log_position the deploy's log entry (0 for
-- version 1); at the service's clock at the deploy (null for version 1).
CREATE TABLE stagecraft_versions (
  workspace    text    NOT NULL,
  version      integer NOT NULL,
  fingerprint  text    NOT NULL,
  rules        text    NOT NULL,
  sources      text    NOT NULL,
  log_position bigint  NOT NULL,
  at           text,
  deployed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace, version)
);
INSERT INTO stagecraft_versions (workspace, version, fingerprint, rules, sources, log_position)
  SELECT workspace, 1, fingerprint, rules, '[]', 0 FROM stagecraft_workspaces;

-- A deploy is a log entry of its own (kind 'deploy', event '{"version":N}'):
-- a replay moves the state to that version's rules at that point.
ALTER TABLE stagecraft_log DROP CONSTRAINT stagecraft_log_kind_check;
ALTER TABLE stagecraft_log ADD CONSTRAINT stagecraft_log_kind_check CHECK (kind IN ('event', 'tick', 'deploy'));
`,
  },
  {
    version: 4,
    name: "webhook deliveries (outbox)",
    sql: `
-- The outbox: one row per effect and webhook, written in the statement that
-- stores the effect's output, so an effect is stored with its deliveries or
-- not at all. payload is the JSON body as sent. Times are epoch millis of the
-- service's clock: since opens the retry window (the write, or the last
-- retry asked for), next_attempt_at is when a pending delivery is due (one
-- found waiting for an earlier one of its record and webhook is made due when
-- that one is).
CREATE TABLE stagecraft_deliveries (
  workspace       text    NOT NULL,
  id              bigint  GENERATED ALWAYS AS IDENTITY,
  output_position bigint  NOT NULL,
  output_id       text    NOT NULL,
  type            text    NOT NULL,
  entity          text    NOT NULL,
  endpoint        text    NOT NULL,
  payload         text    NOT NULL,
  status          text    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  since           bigint  NOT NULL,
  next_attempt_at bigint  NOT NULL,
  last_error      text,
  delivered_at    bigint,
  PRIMARY KEY (workspace, id)
);
-- The pending in output order, the next due, and what must wait for an
-- earlier effect of the same record.
CREATE INDEX stagecraft_deliveries_pending ON stagecraft_deliveries (workspace, output_position) WHERE status = 'pending';
CREATE INDEX stagecraft_deliveries_due ON stagecraft_deliveries (workspace, next_attempt_at) WHERE status = 'pending';
CREATE INDEX stagecraft_deliveries_order ON stagecraft_deliveries (workspace, endpoint, entity, output_position) WHERE status = 'pending';
CREATE INDEX stagecraft_deliveries_status ON stagecraft_deliveries (workspace, status, id);
`,
  },
  {
    version: 5,
    name: "webhook deliveries: each record's head",
    sql: `
-- Where a pending delivery stands in its record and webhook's queue: 'head'
-- (the earliest pending: sent when due), 'behind' (waits for the head to be
-- delivered or given up) or 'new' (written or retried, not sorted yet: the
-- dispatcher sorts it before its next round). A round then reads the due
-- heads only, in due order, so a record with many effects at once sends one
-- at a time and does not hold up the others. Rows from before start as 'new'.
ALTER TABLE stagecraft_deliveries ADD COLUMN place text NOT NULL DEFAULT 'new' CHECK (place IN ('new', 'head', 'behind'));
CREATE INDEX stagecraft_deliveries_new ON stagecraft_deliveries (workspace, id) WHERE status = 'pending' AND place = 'new';
CREATE INDEX stagecraft_deliveries_heads ON stagecraft_deliveries (workspace, next_attempt_at, output_position) WHERE status = 'pending' AND place = 'head';
-- No query reads these now, and a plan made without statistics (PGlite never
-- gathers them) could pick one and scan every pending delivery.
DROP INDEX stagecraft_deliveries_pending;
DROP INDEX stagecraft_deliveries_due;
`,
  },
];
