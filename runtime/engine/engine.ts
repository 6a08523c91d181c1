// The engine: folds input events into record state, runs the rules each event
// matches, fires timers in due order, and returns what it derived. Outputs are
// values; writing them anywhere is the caller's job.
import type { Calendar, InputEvent, Value } from "../program/ir";
import type {
  Engine,
  EngineOptions,
  EvalContext,
  OutputRecord,
  RecordState,
  RuleTimer,
  Snapshot,
  TimerState,
  TraceRecord,
} from "../types";
import type { Program } from "../program/ir";
import { prepareProgram, ruleOf, workflowOf, type PreparedProgram, type PreparedRule } from "../program/prepare";
import { schemaOf, type Schema } from "../program/schema";
import { EngineState } from "./engine-state";
import { formatInstant, isOutputForm, parseInstant } from "../time/instants";
import { dueTime } from "../time/calendar";
import { decideAction, type DecisionWorld } from "./decide-action";
import type { Decision } from "./decisions";
import { newRecord, newRecordInStage, withBecomes, withFields, withStageClosed, withStageMoved, withStageOpened } from "./record-state";
import { readValues, type CompiledExpr } from "../expressions/compile-expr";
import { CascadeError, EventOrderError, RecordExistsError, RuntimeError } from "../errors";
import { WorkflowRunner } from "../workflows/workflow-runner";
import { diffFields } from "./field-changes";
import type { Route } from "./reference-index";
import type { ChainLink, EngineHost, PendingEvent, RunActions } from "./pending-event";
import { Diagnostics } from "../../diagnostics/messages";
import { diagnose } from "../../diagnostics/message";

export const DEFAULT_CASCADE_BOUND = 100;

/** The change of an event that changed no field: shared, never written. */
const NO_CHANGES: Record<string, Value> = Object.freeze({}) as Record<string, Value>;

const RESPONSIBLE_CHANGED = "responsible.changed";

/** Events that change their record: `wait until` and `becomes` are re-evaluated on them. */
export const CHANGE_TYPES: ReadonlySet<string> = new Set(["created", "updated", "stage.opened", "stage.closed", RESPONSIBLE_CHANGED]);

/** A record just written by `addRecord`, with what its `created` event carries. */
interface AddedRecord {
  record: RecordState;
  fields: Record<string, Value>;
  /** The fields created with a value (every field was none before). */
  changes: Record<string, Value>;
  previous: Record<string, Value>;
  stage: string | undefined;
}

export function createEngine(program: Program, options: EngineOptions = {}): Engine {
  return new StagecraftEngine(program, options);
}

class StagecraftEngine implements Engine, DecisionWorld, EngineHost {
  readonly schema: Schema;
  readonly prepared: PreparedProgram;
  readonly calendar: Calendar;
  readonly state: EngineState;
  readonly onTrace: ((trace: TraceRecord) => void) | undefined;
  private readonly onSkippedEffect: EngineOptions["onSkippedEffect"];
  private readonly cascadeBound: number;
  readonly lookup = (ref: string): RecordState | undefined => this.state.records.get(ref);

  // The firing in progress: an input event or a timer, and what it has output.
  private outputs: OutputRecord[] = [];
  private rootId = "";
  private rootIsTimer = false;
  private rootCount = 0;
  now = 0;
  private nowText = "";
  private readonly queue: PendingEvent[] = [];
  private readonly workflows = new WorkflowRunner(this);

  constructor(program: Program, options: EngineOptions) {
    this.schema = schemaOf(program);
    this.prepared = prepareProgram(program, options.compiled);
    this.calendar = program.calendar;
    this.state = new EngineState(program, this.prepared.loadFields, this.prepared.references.fields);
    this.onTrace = options.onTrace;
    this.onSkippedEffect = options.onSkippedEffect;
    this.cascadeBound = options.cascadeBound ?? DEFAULT_CASCADE_BOUND;
    if (options.snapshot) this.state.restore(options.snapshot);
  }

  // ------------------------------------------------------------ public API

  process(event: InputEvent): OutputRecord[] {
    const at = parseInstant(event.at);
    if (Number.isNaN(at)) throw new RuntimeError(diagnose(Diagnostics.InvalidEventTime, { id: event.id, time: event.at }));
    const clock = this.state.clock;
    if (clock !== null && at < clock) throw new EventOrderError(event.id, event.at, formatInstant(clock));
    const outputs: OutputRecord[] = [];
    this.outputs = outputs;
    try {
      this.fireTimersDue(at);
      this.state.clock = at;
      this.beginRoot(event.id, false, at);
      if (this.nowText === "" && isOutputForm(event.at)) this.nowText = event.at;
      this.applyInput(event);
      this.drain();
    } catch (error) {
      if (error instanceof RuntimeError) error.outputs = outputs;
      this.queue.length = 0;
      throw error;
    }
    return outputs;
  }

  advanceTo(isoTime: string): OutputRecord[] {
    const until = parseInstant(isoTime);
    if (Number.isNaN(until)) throw new RuntimeError(diagnose(Diagnostics.InvalidTime, { time: isoTime }));
    const outputs: OutputRecord[] = [];
    this.outputs = outputs;
    try {
      this.fireTimersDue(until);
    } catch (error) {
      if (error instanceof RuntimeError) error.outputs = outputs;
      this.queue.length = 0;
      throw error;
    }
    if (this.state.clock === null || until > this.state.clock) this.state.clock = until;
    return outputs;
  }

  snapshot(): Snapshot {
    return this.state.snapshot();
  }

  nextDueAt(): number | null {
    return this.state.timers.peek()?.due ?? null;
  }

  record(ref: string): RecordState | undefined {
    return this.state.records.get(ref);
  }

  // ------------------------------------------------------------ DecisionWorld

  teamCounter(team: string): number {
    return this.state.teamCounters.get(team) ?? 0;
  }

  load(entity: string, field: string, member: string): number {
    return this.state.load(entity, field, member);
  }

  // ------------------------------------------------------------ roots, ids, outputs

  private beginRoot(id: string, isTimer: boolean, at: number): void {
    this.rootId = id;
    this.rootIsTimer = isTimer;
    this.rootCount = 0;
    if (at !== this.now) {
      this.now = at;
      this.nowText = "";
    }
  }

  /** The current time as output text, formatted only when something is output or traced. */
  private nowAsText(): string {
    if (this.nowText === "") this.nowText = formatInstant(this.now);
    return this.nowText;
  }

  /** Input event e's outputs are e.1, e.2…; timer tK's are tK, tK.1, tK.2… (docs/language.md "Output ids"). */
  private nextId(): string {
    if (this.rootIsTimer) return this.rootCount++ === 0 ? this.rootId : `${this.rootId}.${this.rootCount - 1}`;
    return `${this.rootId}.${++this.rootCount}`;
  }

  private emit(id: string, entity: string, type: string, data: Record<string, Value>, cause: string, rule: string | null): void {
    this.outputs.push({ id, at: this.nowAsText(), entity, type, data, cause, rule });
  }

  private enqueue(event: PendingEvent): void {
    if (event.depth > this.cascadeBound) throw new CascadeError(chainNames(event.chain), this.cascadeBound);
    this.queue.push(event);
  }

  private pending(id: string, record: RecordState, type: string, depth: number, chain: ChainLink | null, stage?: string): PendingEvent {
    return { id, ref: record.ref, entity: record.type, type, stage, changes: null, previous: null, eventData: null, removed: undefined, depth, chain };
  }

  /** Derived events first-in first-out (docs/language.md "Order"). */
  private drain(): void {
    const queue = this.queue;
    for (let i = 0; i < queue.length; i++) this.handle(queue[i]!);
    queue.length = 0;
  }

  // ------------------------------------------------------------ input events

  private applyInput(event: InputEvent): void {
    const ref = event.entity;
    // Split only when a record is made: most events find their record by `ref`.
    const slash = ref.indexOf("/");
    if (slash <= 0 || slash === ref.length - 1) throw new RuntimeError(diagnose(Diagnostics.NotARecordReference, { id: event.id, entity: event.entity }));
    const data = event.data ?? {};
    switch (event.type) {
      case "created": {
        // EventStreamValidator refuses this line first (SC3012, naming the line);
        // the check here keeps a direct caller from wiping a record all the same.
        if (this.state.records.has(ref)) throw new RecordExistsError(event.id, ref);
        this.queueCreated(this.addRecord(ref, this.entityName(ref.slice(0, slash)), ref.slice(slash + 1), data), event.id, 0, null);
        return;
      }
      case "updated": {
        // The record takes every value given (a date-time keeps the form it was
        // sent in); the rules see as changed only the fields whose value differs.
        const record = this.ensureRecord(ref, slash);
        this.state.writeRecord(record, withFields(record, data));
        const updated = this.pending(event.id, record, "updated", 0, null);
        const diff = diffFields(record, data, this.calendar.timezone);
        updated.changes = diff?.changes ?? NO_CHANGES;
        updated.previous = diff?.previous ?? NO_CHANGES;
        this.enqueue(updated);
        return;
      }
      case "deleted": {
        const record = this.state.records.get(ref);
        if (!record) return;
        this.removeRecord(record);
        const deleted = this.pending(event.id, record, "deleted", 0, null);
        deleted.removed = record;
        this.enqueue(deleted);
        return;
      }
      case "stage.opened": {
        const record = this.ensureRecord(ref, slash);
        const stage = String(data.stage);
        // The implied close of a sequential move is written, with rule null (docs/contract.md).
        this.openStage(record, stage, undefined, event.id, null, 0, null, true);
        return;
      }
      case "stage.closed": {
        const record = this.ensureRecord(ref, slash);
        const stage = String(data.stage);
        if (!Object.hasOwn(record.open, stage)) return;
        this.state.writeRecord(record, withStageClosed(record, stage));
        this.enqueue(this.pending(event.id, record, "stage.closed", 0, null, stage));
        return;
      }
      default: {
        const record = this.ensureRecord(ref, slash);
        const activity = this.pending(event.id, record, event.type, 0, null);
        activity.eventData = data;
        // `responsible.changed` reports a change of the record's responsible: its
        // rules see the new one, with changed(responsible) and previous(responsible).
        if (event.type === RESPONSIBLE_CHANGED && Object.hasOwn(data, "to")) {
          const diff = diffFields(record, { responsible: data.to! }, this.calendar.timezone);
          if (diff !== null) {
            this.state.writeRecord(record, withFields(record, diff.changes));
            activity.changes = diff.changes;
            activity.previous = diff.previous;
          }
        }
        this.enqueue(activity);
      }
    }
  }

  /** The CRM may report on a record before (or without) its creation: it starts empty. */
  private ensureRecord(ref: string, slash: number): RecordState {
    const existing = this.state.records.get(ref);
    if (existing) return existing;
    const record = newRecord(ref, this.entityName(ref.slice(0, slash)), ref.slice(slash + 1), ++this.state.recordSeq, {});
    this.state.writeRecord(undefined, record);
    return record;
  }

  /** Deleting a record cancels its timers (they check `born`) and its workflow instances. */
  private removeRecord(record: RecordState): void {
    this.state.writeRecord(record, undefined);
    const keys = this.state.instancesByRecord.get(record.ref);
    if (keys) for (const key of [...keys]) this.state.removeInstance(this.state.instances.get(key)!);
  }

  /** The schema's own string for an entity type: a million records share it instead of holding a copy each. */
  private entityName(type: string): string {
    return this.schema.entities.get(type)?.def.name ?? type;
  }

  private isSequential(entity: string): boolean {
    return this.schema.entities.get(entity)?.pipeline?.kind === "sequential";
  }

  // ------------------------------------------------------------ state changes

  /**
   * Opens a stage; in a sequential pipeline the open one closes first, with its
   * own output and rules (docs/language.md "Stages and moves"). `silent` is an input event's
   * own opening: stated by the input, so not written.
   */
  private openStage(
    record: RecordState,
    stage: string,
    by: string | undefined,
    cause: string,
    rule: string | null,
    depth: number,
    chain: ChainLink | null,
    silent = false,
  ): void {
    const sequential = this.isSequential(record.type);
    if (sequential ? record.stage === stage : Object.hasOwn(record.open, stage)) {
      this.traceSkip(rule, record.ref, cause, `open "${stage}": it is already open`);
      return;
    }
    const leaving = sequential ? record.stage : null;
    // One record write for the whole move; the close is still output and handled first.
    const opened = leaving !== null ? withStageMoved(record, leaving, stage, this.now) : withStageOpened(record, stage, this.now, sequential);
    this.state.writeRecord(record, opened);
    if (leaving !== null) {
      const closeId = this.nextId();
      this.emit(closeId, record.ref, "stage.closed", { stage: leaving }, cause, rule);
      this.enqueue(this.pending(closeId, opened, "stage.closed", depth, chain, leaving));
    }
    let id = cause;
    if (!silent) {
      id = this.nextId();
      this.emit(id, record.ref, "stage.opened", by === undefined ? { stage } : { stage, by }, cause, rule);
    }
    const opening = this.pending(id, opened, "stage.opened", depth, chain, stage);
    opening.opening = opened.openings[stage];
    this.enqueue(opening);
  }

  private closeStage(record: RecordState, stage: string, cause: string, rule: string | null, depth: number, chain: ChainLink | null): void {
    const closed = withStageClosed(record, stage);
    this.state.writeRecord(record, closed);
    const id = this.nextId();
    this.emit(id, record.ref, "stage.closed", { stage }, cause, rule);
    this.enqueue(this.pending(id, closed, "stage.closed", depth, chain, stage));
  }

  private updateFields(record: RecordState, fields: Record<string, Value>, cause: string, rule: string, depth: number, chain: ChainLink | null): void {
    const diff = diffFields(record, fields, this.calendar.timezone);
    if (diff === null) {
      this.traceSkip(rule, record.ref, cause, `set ${Object.keys(fields).join(", ")}: the value is already there`);
      return;
    }
    const { changes, previous } = diff;
    const updated = withFields(record, changes);
    this.state.writeRecord(record, updated);
    const id = this.nextId();
    this.emit(id, record.ref, "updated", changes, cause, rule);
    const event = this.pending(id, updated, "updated", depth, chain);
    event.changes = changes;
    event.previous = previous;
    this.enqueue(event);
  }

  /** A created record's id derives from its cause: `<type>/<output id>` (docs/language.md "Records"). */
  private createRecord(entity: string, given: Record<string, Value>, cause: string, rule: string, depth: number, chain: ChainLink | null): void {
    const id = this.nextId();
    const ref = `${entity}/${id}`;
    const added = this.addRecord(ref, entity, id, given);
    // Its line goes out before queuing: queuing throws a CascadeError, and the
    // record is already in the state, so its `created` line must be too (errors.ts).
    this.emit(id, ref, "created", added.stage === undefined ? added.fields : { ...added.fields, stage: added.stage }, cause, rule);
    this.queueCreated(added, id, depth, chain);
  }

  /**
   * Writes a new record, from an input `created` or a `create` action: its
   * fields, and its stage opened as part of the creation (docs/language.md "Records").
   * `queueCreated` then queues the events that run the rules.
   */
  private addRecord(ref: string, type: string, id: string, given: Readonly<Record<string, Value>>): AddedRecord {
    const fields: Record<string, Value> = {};
    for (const name in given) if (name !== "stage") fields[name] = given[name]!;
    // A field created empty did not change: it was none before too.
    const diff = diffFields(undefined, fields, this.calendar.timezone);
    const stage = typeof given.stage === "string" ? given.stage : undefined;
    const born = ++this.state.recordSeq;
    const record =
      stage === undefined ? newRecord(ref, type, id, born, fields) : newRecordInStage(ref, type, id, born, fields, stage, this.now, this.isSequential(type));
    this.state.writeRecord(this.state.records.get(ref), record);
    return { record, fields, changes: diff?.changes ?? NO_CHANGES, previous: diff?.previous ?? NO_CHANGES, stage };
  }

  /** The `created` event of a new record, and its `stage.opened` when it was created in a stage. */
  private queueCreated(added: AddedRecord, eventId: string, depth: number, chain: ChainLink | null): void {
    const created = this.pending(eventId, added.record, "created", depth, chain);
    created.changes = added.changes;
    created.previous = added.previous;
    this.enqueue(created);
    if (added.stage !== undefined) {
      const opening = this.pending(eventId, added.record, "stage.opened", depth, chain, added.stage);
      opening.opening = added.record.openings[added.stage];
      this.enqueue(opening);
    }
  }

  private applyDecision(decision: Decision, record: RecordState, cause: string, rule: string, depth: number, chain: ChainLink | null): void {
    switch (decision.kind) {
      case "effect": {
        this.emit(this.nextId(), record.ref, decision.type, decision.data, cause, rule);
        return;
      }
      case "skip":
        if (decision.effect) this.onSkippedEffect?.(rule, decision.reason);
        this.traceSkip(rule, record.ref, cause, decision.reason);
        return;
      case "open": {
        const target = this.state.records.get(decision.ref);
        if (target) this.openStage(target, decision.stage, decision.by, cause, rule, depth, chain);
        return;
      }
      case "close": {
        const target = this.state.records.get(decision.ref);
        if (target && Object.hasOwn(target.open, decision.stage)) this.closeStage(target, decision.stage, cause, rule, depth, chain);
        return;
      }
      case "update": {
        if (decision.roundRobinTeam !== undefined) {
          const team = decision.roundRobinTeam;
          this.state.teamCounters.set(team, this.teamCounter(team) + 1);
        }
        const target = this.state.records.get(decision.ref);
        if (target) this.updateFields(target, decision.fields, cause, rule, depth, chain);
        return;
      }
      case "create":
        this.createRecord(decision.entity, decision.fields, cause, rule, depth, chain);
        return;
    }
  }

  readonly runActions: RunActions = (actions, ctx, ref, cause, rule, depth, chain, view) => {
    for (const action of actions) {
      // A `deleted` rule acts on the record as it was: its effects go out, its state changes find nothing to change.
      const current = this.state.records.get(ref);
      const record = current === undefined ? ctx.record : view ? view(current) : current;
      ctx.record = record;
      for (const decision of decideAction(action, ctx, this)) {
        this.applyDecision(decision, this.state.records.get(ref) ?? record, cause, rule, depth, chain);
      }
    }
  };

  // ------------------------------------------------------------ rules

  private handle(event: PendingEvent): void {
    if (this.onTrace) {
      const trace: TraceRecord = { kind: "event", at: this.nowAsText(), event: event.id, record: event.ref, type: event.type };
      if (event.stage !== undefined) trace.stage = event.stage;
      this.onTrace(trace);
    }
    const handlers = this.prepared.handlers.get(event.entity, event.type, event.stage);
    if (handlers) {
      for (const handler of handlers) {
        if (handler.kind === "rule") this.considerRule(handler.rule, event);
        else this.workflows.considerEnrollment(handler.workflow, handler.enrollment, event);
      }
    }
    const bound = this.state.instancesByRecord;
    if (bound.size > 0 && CHANGE_TYPES.has(event.type) && bound.has(event.ref)) this.workflows.resumeWaitsUntil(event);
    const routes = this.prepared.references.routes.get(event.entity);
    if (routes !== undefined && (CHANGE_TYPES.has(event.type) || event.type === "deleted")) this.reevaluateReferrers(event, routes);
  }

  /**
   * A record changed that `becomes` conditions or `wait until` of other records
   * read through a reference: evaluate them again on exactly the records that
   * refer to it (reference-index.ts), as if those records had changed.
   */
  /**
   * A `per contact` instance reads its own contact through the key field even
   * when its bound deal now refers to another (workflow-runner.ts): the records
   * its route reaches through the key field are found by key, not by the index.
   */
  private addKeyedInstances(route: Route, changed: string, reached: Set<string>): void {
    const last = route.links[route.links.length - 1]!;
    for (const keyRef of this.state.references.reach(route, changed, route.links.length - 1)) {
      const keys = this.state.instancesByKeyRef.get(keyRef);
      if (keys === undefined) continue;
      for (const key of keys) {
        const instance = this.state.instances.get(key)!;
        const bound = this.state.records.get(instance.bound);
        if (bound?.type === last.entity && workflowOf(this.prepared, instance.workflow).keyFields.get(last.entity) === last.field) reached.add(instance.bound);
      }
    }
  }

  private reevaluateReferrers(event: PendingEvent, routes: Route[]): void {
    for (const route of routes) {
      const reached = this.state.references.reach(route, event.ref);
      if (this.state.instancesByKeyRef.size > 0 && route.watchers.some((watcher) => watcher.kind === "waitUntil")) this.addKeyedInstances(route, event.ref, reached);
      for (const ref of reached) {
        const record = this.state.records.get(ref);
        if (!record) continue;
        const related = this.pending(event.id, record, event.type, event.depth, event.chain);
        for (const watcher of route.watchers) {
          if (watcher.kind === "rule") this.considerRule(watcher.rule, related);
          else if (watcher.kind === "enroll") this.workflows.considerEnrollment(watcher.workflow, watcher.enrollment, related);
          else if (this.state.instancesByRecord.has(ref)) this.workflows.resumeWaitsUntil(related);
        }
      }
    }
  }

  contextFor(record: RecordState, event: PendingEvent | RuleTimer): EvalContext {
    return {
      record,
      lookup: this.lookup,
      changes: event.changes,
      previous: event.previous,
      eventData: event.eventData,
      now: this.now,
      calendar: this.calendar,
    };
  }

  /**
   * Rules of `stage "S" open` run for the opening that triggered them: when an
   * earlier rule of the same firing has already closed S (or closed and opened it
   * again), they are skipped, as a timer of that opening would be.
   */
  openingEnded(record: RecordState, event: PendingEvent): string | undefined {
    const stage = event.stage!;
    if (!Object.hasOwn(record.open, stage)) return `stage "${stage}" was no longer open when its open rules ran`;
    if (record.openings[stage] !== event.opening) return `stage "${stage}" was opened again since; its rules run for that opening`;
    return undefined;
  }

  private considerRule(rule: PreparedRule, event: PendingEvent): void {
    const record = event.removed ?? this.state.records.get(event.ref);
    if (!record) return;
    if (rule.stageTrigger?.edge === "open" && event.opening !== undefined) {
      const ended = this.openingEnded(record, event);
      if (ended !== undefined) {
        if (this.onTrace) this.traceRule(rule.name, record.ref, event.id, event.type, false, ended);
        return;
      }
    }
    const ctx = this.contextFor(record, event);
    if (rule.becomes && !this.turnsTrue(rule.becomes, rule.key, record, ctx, rule.name, event)) return;
    if (rule.delay) {
      this.scheduleRuleTimer(rule, record, event);
      return;
    }
    if (rule.condition && !rule.condition(ctx)) {
      if (this.onTrace) this.traceRule(rule.name, record.ref, event.id, event.type, false, "condition is false", rule.conditionExpr, ctx);
      return;
    }
    if (this.onTrace) {
      // A `becomes` rule fires because its condition turned true: say so, with the values that made it true.
      const reason = rule.becomes ? "fired (its condition turned true)" : "fired";
      this.traceRule(rule.name, record.ref, event.id, event.type, true, reason, rule.conditionExpr ?? rule.becomes, ctx);
    }
    this.runActions(rule.actions, ctx, record.ref, event.id, rule.name, event.depth + 1, { rule: rule.name, parent: event.chain });
  }

  /** `becomes`: true only on the change that turns the condition from false to true on this record. */
  turnsTrue(condition: CompiledExpr, key: string, record: RecordState, ctx: EvalContext, name: string, event: PendingEvent): boolean {
    const now = condition.evaluate(ctx) === true;
    const before = record.becomes[key] === true;
    if (now !== before) this.state.writeRecord(record, withBecomes(record, key, now));
    if (now && !before) return true;
    if (this.onTrace) {
      const reason = now ? "its condition stays true (`becomes` fires only on the change that turns it true)" : "condition is false";
      this.traceRule(name, record.ref, event.id, event.type, false, reason, condition, ctx);
    }
    return false;
  }

  private scheduleRuleTimer(rule: PreparedRule, record: RecordState, event: PendingEvent): void {
    const timer: RuleTimer = {
      kind: "rule",
      seq: ++this.state.timerSeq,
      due: dueTime(this.now, rule.delay!, this.calendar),
      cause: event.id,
      rule: rule.id,
      record: record.ref,
      born: record.born,
      eventType: event.type,
      changes: event.changes,
      previous: event.previous,
      eventData: event.eventData,
    };
    if (rule.stageTrigger !== undefined) {
      timer.stage = rule.stageTrigger.stage;
      timer.opening = record.openings[rule.stageTrigger.stage] ?? 0;
    }
    this.state.schedule(timer);
    if (this.onTrace) {
      this.traceRule(rule.name, record.ref, event.id, event.type, false, `scheduled as t${timer.seq}, due ${formatInstant(timer.due)}`);
    }
  }

  // ------------------------------------------------------------ timers

  private fireTimersDue(limit: number): void {
    const timers = this.state.timers;
    for (let timer = timers.peek(); timer !== undefined && timer.due <= limit; timer = timers.peek()) {
      timers.pop();
      this.state.clock = Math.max(this.state.clock ?? timer.due, timer.due);
      this.beginRoot(`t${timer.seq}`, true, timer.due);
      if (timer.kind === "rule") this.fireRuleTimer(timer);
      else this.workflows.fireTimer(timer);
      this.drain();
    }
  }

  private fireRuleTimer(timer: RuleTimer): void {
    const rule = ruleOf(this.prepared, timer.rule);
    const id = `t${timer.seq}`;
    const record = this.state.records.get(timer.record);
    if (!record || record.born !== timer.born) {
      if (this.onTrace) this.traceRule(rule.name, timer.record, id, "timer", false, "the record was deleted before the timer came due");
      return;
    }
    const stale = timer.stage === undefined ? undefined : staleStageTimer(record, timer.stage, timer.opening ?? 0, rule.stageTrigger?.edge ?? "open");
    if (stale !== undefined) {
      if (this.onTrace) this.traceRule(rule.name, record.ref, id, "timer", false, stale);
      return;
    }
    const ctx = this.contextFor(record, timer);
    if (rule.condition && !rule.condition(ctx)) {
      if (this.onTrace) this.traceRule(rule.name, record.ref, id, "timer", false, "condition is false when the timer came due", rule.conditionExpr, ctx);
      return;
    }
    if (this.onTrace) this.traceRule(rule.name, record.ref, id, "timer", true, "fired (timer due)", rule.conditionExpr, ctx);
    this.runActions(rule.actions, ctx, record.ref, timer.cause, rule.name, 1, { rule: rule.name, parent: null });
  }

  // ------------------------------------------------------------ trace

  traceRule(
    rule: string,
    record: string,
    event: string,
    eventType: string,
    fired: boolean,
    reason: string,
    expr?: CompiledExpr | null,
    ctx?: EvalContext,
  ): void {
    if (!this.onTrace) return;
    const trace: TraceRecord = { kind: "rule", at: this.nowAsText(), rule, record, event, eventType, fired, reason };
    if (expr && ctx && expr.reads.length > 0) trace.values = readValues(expr, ctx);
    this.onTrace(trace);
  }

  private traceSkip(rule: string | null, record: string, cause: string, reason: string): void {
    if (this.onTrace && rule !== null) this.traceRule(rule, record, cause, "action", false, reason);
  }
}

/**
 * Why a stage timer no longer applies, or undefined when it does. `open after`:
 * S must still be open in the same opening; `close after`: S must not have
 * opened again since it closed (docs/language.md: closing cancels the one, re-opening
 * the other).
 */
function staleStageTimer(record: RecordState, stage: string, opening: number, edge: "open" | "close"): string | undefined {
  const isOpen = Object.hasOwn(record.open, stage);
  const reopened = record.openings[stage] !== opening;
  if (edge === "close") return reopened ? `stage "${stage}" was opened again since it closed; the timer belonged to that close` : undefined;
  if (!isOpen) return `stage "${stage}" was no longer open when the timer came due`;
  return reopened ? `stage "${stage}" was re-opened since; this timer belonged to the earlier opening` : undefined;
}

function chainNames(chain: ChainLink | null): string[] {
  const names: string[] = [];
  for (let link = chain; link !== null; link = link.parent) names.push(link.rule);
  return names.reverse();
}

export type { TimerState };
