// Everything the engine remembers between events, and its snapshot form.
// Records live in a Map of immutable values; the other parts are small.
import type { Program, WorkflowDef } from "../program/ir";
import type { RecordState, Snapshot, TimerState, WorkflowInstance, WorkflowTimer } from "../types";
import { SNAPSHOT_VERSION } from "../types";
import { TimerQueue } from "../time/timer-queue";
import { LoopBoundError, ProgramChangedError, SnapshotError } from "../errors";
import { comparePrograms, programManifest } from "../program/identity";
import { ReferenceIndex } from "./reference-index";
import { readField } from "./record-state";

export class EngineState {
  readonly records = new Map<string, RecordState>();
  timers = new TimerQueue<TimerState>();
  timerSeq = 0;
  /** Wait tokens are unique in the run, so a timer of an ended instance never matches a later one of the same key. */
  tokenSeq = 0;
  recordSeq = 0;
  clock: number | null = null;
  readonly teamCounters = new Map<string, number>();
  readonly instances = new Map<string, WorkflowInstance>();
  /** Bound record → keys of its workflow instances (deletion, `wait until`). */
  readonly instancesByRecord = new Map<string, Set<string>>();
  /** Key record → keys of the instances keyed by it and bound to another record (`per contact`). */
  readonly instancesByKeyRef = new Map<string, Set<string>>();
  readonly finished = new Set<string>();
  /** Instance key → its workflow timers still pending: they go when it ends or its wait does (docs/language.md "Workflows"). */
  private readonly instanceTimers = new Map<string, WorkflowTimer[]>();
  /** `entity.field` → member → records holding the member in that field (`least loaded`). */
  readonly loads = new Map<string, Map<string, number>>();

  /** Referenced record → referring records, for the references conditions read through. */
  readonly references: ReferenceIndex;
  /** The definition of a workflow by identity, the program's or one kept for the instances that run it; set by the engine. */
  workflowDef: (id: string) => WorkflowDef | undefined = () => undefined;

  constructor(
    private readonly program: Program,
    private readonly loadFields: ReadonlySet<string>,
    referenceFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {
    for (const key of loadFields) this.loads.set(key, new Map());
    this.references = new ReferenceIndex(referenceFields);
  }

  /** Replaces (or with `next` undefined, removes) a record, keeping the load counts and the reference index in step. */
  writeRecord(previous: RecordState | undefined, next: RecordState | undefined): void {
    if (next) this.records.set(next.ref, next);
    else if (previous) this.records.delete(previous.ref);
    if (this.loadFields.size > 0) this.countLoads(previous, next);
    if (this.references.active) this.references.update(previous, next);
  }

  /**
   * Queues a timer. Durations are positive (the checker refuses others) and `at`
   * and working hours only move a due time later, so every timer comes due after
   * the time that scheduled it; that is what ends the loop firing due timers.
   */
  schedule(timer: TimerState): void {
    if (this.clock !== null && !(timer.due > this.clock)) {
      throw new LoopBoundError(`timer t${timer.seq} would come due at ${timer.due}, not after the current time ${this.clock}`);
    }
    this.timers.push(timer);
    if (timer.kind !== "rule") this.indexTimer(timer);
  }

  /** Takes the next pending timer due at or before `limit`, if any. */
  takeDue(limit: number): TimerState | undefined {
    const timer = this.timers.peek();
    if (timer === undefined || timer.due > limit) return undefined;
    this.timers.pop();
    if (timer.kind !== "rule") {
      const pending = this.instanceTimers.get(timer.instance)!;
      pending.splice(pending.indexOf(timer), 1);
      if (pending.length === 0) this.instanceTimers.delete(timer.instance);
    }
    return timer;
  }

  /**
   * Gives an instance a new wait token: whatever it waited for before is over,
   * so the timers of that wait go (they would find another token and do nothing).
   */
  newToken(instance: WorkflowInstance): void {
    this.dropInstanceTimers(instance.key);
    instance.token = ++this.tokenSeq;
  }

  load(entity: string, field: string, member: string): number {
    return this.loads.get(`${entity}.${field}`)?.get(member) ?? 0;
  }

  addInstance(instance: WorkflowInstance): void {
    this.instances.set(instance.key, instance);
    addTo(this.instancesByRecord, instance.bound, instance.key);
    if (instance.keyRef !== instance.bound) addTo(this.instancesByKeyRef, instance.keyRef, instance.key);
  }

  /** Ends an instance (finished, exited or its record deleted): its pending timers go with it. */
  removeInstance(instance: WorkflowInstance): void {
    this.dropInstanceTimers(instance.key);
    this.instances.delete(instance.key);
    removeFrom(this.instancesByRecord, instance.bound, instance.key);
    if (instance.keyRef !== instance.bound) removeFrom(this.instancesByKeyRef, instance.keyRef, instance.key);
  }

  snapshot(): Snapshot {
    const snapshot: Snapshot = {
      version: SNAPSHOT_VERSION,
      program: programManifest(this.program),
      clock: this.clock,
      records: [...this.records.values()],
      timers: this.timers.toSortedArray(),
      timerSeq: this.timerSeq,
      tokenSeq: this.tokenSeq,
      recordSeq: this.recordSeq,
      teamCounters: Object.fromEntries(this.teamCounters),
      instances: [...this.instances.values()].map((instance) => ({ ...instance })),
      finished: [...this.finished],
    };
    const workflows = this.liveWorkflows();
    if (workflows.length > 0) snapshot.workflows = workflows;
    return snapshot;
  }

  /** The definitions of the workflows live instances run, by identity. */
  private liveWorkflows(): WorkflowDef[] {
    const ids = new Set<string>();
    for (const instance of this.instances.values()) ids.add(instance.workflow);
    const defs: WorkflowDef[] = [];
    for (const id of [...ids].sort()) {
      const def = this.workflowDef(id);
      if (def) defs.push(def);
    }
    return defs;
  }

  restore(snapshot: Snapshot): void {
    const saved = savedProgram(snapshot);
    // Timers and instances name rules by identity; under another program an identity may mean other behaviour.
    if (saved.fingerprint !== programManifest(this.program).fingerprint) throw new ProgramChangedError(comparePrograms(saved, this.program));
    this.clock = snapshot.clock;
    for (const record of snapshot.records) this.writeRecord(undefined, record);
    this.timerSeq = snapshot.timerSeq;
    this.tokenSeq = snapshot.tokenSeq;
    this.recordSeq = snapshot.recordSeq;
    for (const [team, counter] of Object.entries(snapshot.teamCounters)) this.teamCounters.set(team, counter);
    for (const instance of snapshot.instances) this.addInstance({ ...instance, keyRef: instance.keyRef ?? keyRefOf(instance.key) });
    for (const key of snapshot.finished) this.finished.add(key);
    // A snapshot saved before ended waits dropped their timers may still hold some: they would do nothing, so they go.
    const timers = snapshot.timers.filter((timer) => timer.kind === "rule" || this.instances.get(timer.instance)?.token === timer.token);
    this.timers = new TimerQueue(timers);
    for (const timer of timers) if (timer.kind !== "rule") this.indexTimer(timer);
  }

  private indexTimer(timer: WorkflowTimer): void {
    const pending = this.instanceTimers.get(timer.instance);
    if (pending) pending.push(timer);
    else this.instanceTimers.set(timer.instance, [timer]);
  }

  private dropInstanceTimers(key: string): void {
    const pending = this.instanceTimers.get(key);
    if (!pending) return;
    for (const timer of pending) this.timers.drop(timer);
    this.instanceTimers.delete(key);
  }

  private countLoads(previous: RecordState | undefined, next: RecordState | undefined): void {
    const record = next ?? previous!;
    for (const key of this.loadFields) {
      const dot = key.indexOf(".");
      if (key.slice(0, dot) !== record.type) continue;
      const field = key.slice(dot + 1);
      const before = previous ? readField(previous, field) : null;
      const after = next ? readField(next, field) : null;
      if (before === after) continue;
      const counts = this.loads.get(key)!;
      if (typeof before === "string") counts.set(before, (counts.get(before) ?? 1) - 1);
      if (typeof after === "string") counts.set(after, (counts.get(after) ?? 0) + 1);
    }
  }
}

/** Refuses a snapshot of another version than this Stagecraft writes: its fields may mean other things. */
export function checkSnapshotVersion(version: unknown): void {
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(
      `snapshot version ${String(version)} is not ${SNAPSHOT_VERSION}, the version this Stagecraft reads; replay the events with this version to save a new snapshot`,
    );
  }
}

/** The manifest of the program that saved a snapshot, once its version is one this Stagecraft reads. */
export function savedProgram(snapshot: Snapshot): Snapshot["program"] {
  checkSnapshotVersion(snapshot.version);
  const saved = snapshot.program as Snapshot["program"] | undefined;
  if (typeof saved?.fingerprint !== "string" || !Array.isArray(saved.items)) {
    throw new SnapshotError("it is damaged or not saved by --save-snapshot (it records no program fingerprint)");
  }
  return saved;
}

/** The key record of an instance key, JSON `[workflow, record]` (workflow-runner.ts). */
function keyRefOf(key: string): string {
  return (JSON.parse(key) as [string, string])[1];
}

function addTo(index: Map<string, Set<string>>, ref: string, key: string): void {
  let keys = index.get(ref);
  if (!keys) index.set(ref, (keys = new Set()));
  keys.add(key);
}

function removeFrom(index: Map<string, Set<string>>, ref: string, key: string): void {
  const keys = index.get(ref);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(ref);
}
