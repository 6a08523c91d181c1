// The runtime's public value types: what it outputs, traces, snapshots and
// hands to compiled conditions.
import type { Calendar, Program, Value, WorkflowDef } from "./program/ir";
import type { ProgramManifest } from "./program/identity";

/** A derived event or an effect, as written to `run`'s output (docs/contract.md). */
export interface OutputRecord {
  id: string;
  /** UTC, `YYYY-MM-DDTHH:mm:ss.SSSZ`. */
  at: string;
  entity: string;
  type: string;
  data: Record<string, Value>;
  cause: string;
  rule: string | null;
}

/** One record of the CRM as the runtime holds it; replaced, never mutated. */
export interface RecordState {
  readonly ref: string;
  readonly type: string;
  readonly id: string;
  /** Creation sequence number: tells a re-created record from the one its timers belonged to. */
  readonly born: number;
  readonly fields: Readonly<Record<string, Value>>;
  /** The open stage of a sequential pipeline (null when none, or for parallel pipelines). */
  readonly stage: string | null;
  /** Open stages → the instant they opened. */
  readonly open: Readonly<Record<string, number>>;
  /** Stage → how many times it has opened: a timer of `open after` belongs to one opening. */
  readonly openings: Readonly<Record<string, number>>;
  /** `r:<rule id>` or `w:<workflow id>.<enrollment index>` → the last truth value of that `becomes` condition on this record. */
  readonly becomes: Readonly<Record<string, boolean>>;
}

/** What an expression sees: the rule's record, the triggering change and the time. */
export interface EvalContext {
  record: RecordState;
  /** Another record by `type/id` (references are followed through it). */
  lookup: (ref: string) => RecordState | undefined;
  /** Fields the triggering change set (an update's data, a creation's fields); null for other events. */
  changes: Readonly<Record<string, Value>> | null;
  /** The values of `changes`' fields before the change. */
  previous: Readonly<Record<string, Value>> | null;
  /** The payload of the triggering activity event. */
  eventData: Readonly<Record<string, Value>> | null;
  /** The current instant (epoch millis): the event's time, or the timer's due time. */
  now: number;
  calendar: Calendar;
}

export type CompiledCondition = (ctx: EvalContext) => boolean;

/** A precompiled expression that yields a value (a `set` value, a recipient, a reference). */
export type CompiledValue = (ctx: EvalContext) => Value;

/** Precompiled parts of one action; each replaces the engine's compilation of the same part. */
export interface CompiledAction {
  /** `set`'s value, or `create`'s field values in written order. */
  values?: CompiledValue[];
  /** `create activity` and `notify` text, placeholders filled. */
  text?: (ctx: EvalContext) => string;
  /** The recipient: `to`, `for`, `from`, or the report email's `to`. */
  to?: CompiledValue;
  cc?: CompiledValue;
  /** `move <ref> to`: the reference to move. */
  target?: CompiledValue;
  /** `for each`'s block, shaped like its IR actions. */
  actions?: CompiledAction[];
}

/** Precompiled code of one rule; `id` must be the identity of the program's rule at the same index, or it is ignored. */
export interface CompiledRule {
  id: string;
  condition?: CompiledCondition;
  becomes?: CompiledCondition;
  /** One entry per action, in written order. */
  actions?: CompiledAction[];
}

/** Precompiled code of one workflow step, shaped like the IR step it belongs to. */
export interface CompiledStep {
  action?: CompiledAction;
  /** `if` and `wait until` conditions. */
  condition?: CompiledCondition;
  then?: CompiledStep[];
  else?: CompiledStep[];
}

export interface CompiledWorkflow {
  /** The identity of the program's workflow at the same index, or the code is ignored. */
  id: string;
  enrollments?: Array<{ condition?: CompiledCondition; becomes?: CompiledCondition }>;
  /** One per `exit when` goal, in written order. */
  exits?: CompiledCondition[];
  steps?: CompiledStep[];
}

/**
 * Precompiled code for a program (the TypeScript backend's output). What is
 * given here replaces the engine's own compilation of the same expression;
 * traces still describe the IR, so they read the same either way.
 */
export interface CompiledProgram {
  /** Keyed by rule identity (a named rule's is its name). */
  conditions?: Record<string, CompiledCondition>;
  /** By index in `program.rules`. */
  rules?: CompiledRule[];
  /** By index in `program.workflows`. */
  workflows?: CompiledWorkflow[];
}

export type TraceRecord = EventTrace | RuleTrace | SkipTrace;

/** An event (input or derived) reached the rules. */
export interface EventTrace {
  kind: "event";
  at: string;
  event: string;
  record: string;
  type: string;
  stage?: string;
}

/** One rule (or workflow step, or timer) considered for one event. */
export interface RuleTrace {
  kind: "rule";
  at: string;
  rule: string;
  record: string;
  /** The id of the event (or timer) being considered. */
  event: string;
  eventType: string;
  fired: boolean;
  /** Why it did or did not fire, in the user's words. */
  reason: string;
  /** The field values the decision read. */
  values?: Record<string, Value>;
}

/**
 * An action of a rule (or workflow step) that fired did nothing: a move backward,
 * an empty recipient, a value already there. The rule's own trace says it fired;
 * this one says which of its actions was skipped and why.
 */
export interface SkipTrace {
  kind: "skip";
  at: string;
  rule: string;
  /** The record the action was to act on. */
  record: string;
  /** The id of the event (or timer) the rule fired on, as the rule's own trace names it. */
  event: string;
  /** The action in rule-language words: `move to "Offer viewed"`, `send email`. */
  action: string;
  /** Why it did nothing: `the recipient contact is empty`. */
  reason: string;
}

/**
 * Something of the program ran, for coverage (runtime/reporting/coverage.ts):
 * a rule fired (its actions ran), a workflow enrolled a record, or a workflow
 * instance reached a step (`step` numbers steps as WorkflowDef.stepLocations).
 * Rules and workflows are named by identity.
 */
export type CoverageHit =
  | { kind: "rule"; rule: string }
  | { kind: "workflow"; workflow: string }
  | { kind: "step"; workflow: string; step: number };

export interface EngineOptions {
  /** Resume from a snapshot of an engine over the same program. */
  snapshot?: Snapshot;
  onTrace?: (trace: TraceRecord) => void;
  /** Each rule firing, enrollment and workflow step reached, as it happens. */
  onCoverage?: (hit: CoverageHit) => void;
  /** An effect a rule did not make (its recipient is empty), with the trace's reason; without the cost of a trace. */
  onSkippedEffect?: (rule: string, reason: string) => void;
  compiled?: CompiledProgram;
  /** Longest derived-event chain before the run stops with a CascadeError (default 100). */
  cascadeBound?: number;
}

export interface Engine {
  /** Fires timers due at or before the event's time, then processes the event. */
  process(event: import("./program/ir").InputEvent): OutputRecord[];
  /** Fires the timers due at or before the instant (`--until`). */
  advanceTo(isoTime: string): OutputRecord[];
  snapshot(): Snapshot;
  /**
   * When the earliest pending timer (rule delay, workflow wait or timeout) is
   * due, epoch millis, or null when none is pending. Pure: a scheduler asks it
   * and fires with `advanceTo`. A rule timer whose record or stage opening is
   * gone still counts: it comes due and does nothing. A workflow's timers go
   * when its instance ends (finished, exited, record deleted) or stops waiting.
   */
  nextDueAt(): number | null;
  /** A record's current state by `type/id`, or undefined when there is none. */
  record(ref: string): RecordState | undefined;
}

/**
 * Bumped whenever the snapshot's fields change, so that restore refuses an older
 * snapshot instead of resuming from missing fields. 2: `tokenSeq` (version 1 had
 * none; its waits resumed with NaN tokens and never fired). 3: rules and
 * workflows by identity instead of index, and the program's manifest (version 2
 * named them by position, so an added rule made a timer run another rule).
 * A field added as optional, with a fallback for snapshots that lack it (a
 * rule timer's anchor `from`, a timer's `lineage`), leaves it as it is.
 */
export const SNAPSHOT_VERSION = 3;

/** Plain JSON: everything the engine needs to go on exactly where it stopped. */
export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** The program that wrote it: a resume with a program of another fingerprint is refused. */
  program: ProgramManifest;
  /** The time of the last processed event or advance, epoch millis. */
  clock: number | null;
  records: RecordState[];
  timers: TimerState[];
  timerSeq: number;
  /** The last wait token handed out (tokens are unique in the run). */
  tokenSeq: number;
  recordSeq: number;
  teamCounters: Record<string, number>;
  instances: WorkflowInstance[];
  /** Instance keys that finished (a key without `reentry` never enrolls again). */
  finished: string[];
  /**
   * The definitions of the workflows that live instances run, so a snapshot
   * can be moved to other rules without the rules that saved it: an instance
   * stays on the version it enrolled in (runtime/versions/migration-plan.ts),
   * kept here under the identity `<workflow>@<digest>`. Absent: none.
   */
  workflows?: WorkflowDef[];
}

export type TimerState = RuleTimer | WorkflowTimer;

interface TimerBase {
  seq: number;
  due: number;
  /** The id of the event that scheduled it: the cause of what it produces. */
  cause: string;
  /**
   * The stable name of that event (runtime/engine/firing.ts), which names the
   * records its firing creates: output ids shift when a rule is added
   * elsewhere, this does not. Absent when the name is `cause` itself (an input
   * event), and in snapshots saved before timers kept it, which then name
   * their records from `cause` as they did.
   */
  lineage?: TimerLineage;
}

/** A lineage as a timer keeps it: the input event it starts from, and the digest of its path. */
export interface TimerLineage {
  root: string;
  key: string;
}

export interface RuleTimer extends TimerBase {
  kind: "rule";
  /** The rule's identity (RuleDef.id). */
  rule: string;
  record: string;
  born: number;
  /** For `stage "S" open after` / `close after`: the stage and which opening of it (the one that opened, or closed). */
  stage?: string;
  /**
   * The instant it was scheduled at, its anchor: a deploy that changes the rule's
   * delay re-derives the due time from it (runtime/versions/migration-plan.ts).
   * Absent in snapshots saved before timers kept it.
   */
  from?: number;
  opening?: number;
  eventType: string;
  changes: Record<string, Value> | null;
  previous: Record<string, Value> | null;
  eventData: Record<string, Value> | null;
}

export interface WorkflowTimer extends TimerBase {
  kind: "wait" | "timeout";
  instance: string;
  /** The instance's wait token when scheduled; a changed token means the wait ended otherwise. */
  token: number;
}

export interface WorkflowInstance {
  /** The JSON text of `[workflow identity, key record]`. */
  key: string;
  /** The workflow's identity (WorkflowDef.id). */
  workflow: string;
  bound: string;
  /**
   * The record the instance is keyed by (`per contact`: the contact). Its steps
   * read it through the key field even when the bound record now refers to
   * another one: the instance goes on with its own contact. A snapshot saved
   * before instances kept it has none: restore reads it from `key`.
   */
  keyRef: string;
  /** Index of the next step in the workflow's flattened step list. */
  pc: number;
  token: number;
  waiting: "none" | "timer" | "until";
}

export type { Program };
