// Workflow instances (docs/language.md "Workflows"): enrollment keyed by the `per`
// record, steps run until a wait, waits resumed by timers or (for `wait until`)
// by changes of the bound record, and goals (`exit when`) checked on those same
// changes. Instance progress lives in the engine state.
import type { EvalContext, RecordState, WorkflowInstance, WorkflowTimer } from "../types";
import { workflowOf, type PreparedEnrollment, type PreparedWorkflow } from "../program/prepare";
import type { CompiledExpr } from "../expressions/compile-expr";
import type { EngineHost } from "../engine/engine-host";
import type { PendingEvent } from "../engine/pending-event";
import { firingOn, keepCauseName, timerFiring, type Firing } from "../engine/firing";
import { runActions } from "../engine/run-actions";
import { traceRule } from "../engine/trace";
import { contextFor, openingEnded, turnsTrue } from "../engine/triggers";
import { readField } from "../engine/record-state";
import { addDuration, dueTime } from "../time/calendar";
import { LoopBoundError } from "../errors";

export class WorkflowRunner {
  constructor(private readonly host: EngineHost) {}

  fireTimer(timer: WorkflowTimer): void {
    const instance = this.host.state.instances.get(timer.instance);
    if (!instance || instance.token !== timer.token) return;
    const workflow = workflowOf(this.host.prepared, instance.workflow);
    if (this.host.onTrace) {
      const reason = timer.kind === "wait" ? "wait is over" : "wait until timed out";
      traceRule(this.host, workflow.name, instance.bound, `t${timer.seq}`, "timer", true, reason);
    }
    instance.waiting = "none";
    instance.pc++;
    this.runInstance(instance, timerFiring(timer.cause, `t${timer.seq}`, workflow.name, `${workflow.id}\u0000${instance.key}\u0000${instance.pc}`, timer.lineage), null);
  }

  considerEnrollment(workflow: PreparedWorkflow, enrollment: PreparedEnrollment, event: PendingEvent): void {
    const record = event.removed ?? this.host.state.records.get(event.ref);
    if (!record) return;
    const name = workflow.name;
    const trigger = enrollment.def.trigger;
    if (trigger.kind === "stage" && trigger.edge === "open" && event.opening !== undefined) {
      const ended = openingEnded(record, event);
      if (ended !== undefined) {
        if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, false, `not enrolled: ${ended}`);
        return;
      }
    }
    const ctx = contextFor(this.host, record, event);
    if (enrollment.becomes && !turnsTrue(this.host, enrollment.becomes, enrollment.key, record, ctx, name, event)) return;
    if (enrollment.condition && enrollment.condition.evaluate(ctx) !== true) {
      if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, false, "enrollment condition is false", enrollment.condition, ctx);
      return;
    }
    const keyField = enrollment.def.keyField;
    const keyRef = keyField === null ? record.ref : readField(record, keyField);
    if (typeof keyRef !== "string") {
      if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, false, `not enrolled: ${keyField} is empty`);
      return;
    }
    const key = instanceKey(workflow.id, keyRef);
    const active = this.host.state.instances.get(key);
    if (active) {
      if (this.host.onTrace) {
        const reason =
          active.bound === record.ref
            ? "already enrolled: the instance goes on from its current step"
            : `not enrolled: the instance for ${keyRef} is bound to ${active.bound}`;
        traceRule(this.host, name, record.ref, event.id, event.type, false, reason);
      }
      return;
    }
    if (this.host.state.finished.has(key) && !workflow.def.reentry) {
      if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, false, `not enrolled: ${keyRef} finished this workflow and it has no reentry`);
      return;
    }
    const goal = metGoal(workflow, ctx);
    if (goal) {
      if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, false, "not enrolled: its goal (exit when) already holds", goal, ctx);
      return;
    }
    const instance: WorkflowInstance = { key, workflow: workflow.id, bound: record.ref, keyRef, pc: 0, token: ++this.host.state.tokenSeq, waiting: "none" };
    this.host.state.addInstance(instance);
    if (this.host.onTrace) traceRule(this.host, name, record.ref, event.id, event.type, true, `enrolled (key ${keyRef})`);
    this.host.onCoverage?.({ kind: "workflow", workflow: workflow.id });
    this.runInstance(instance, firingOn(event.id, event.firing, name, event.lineage, `${workflow.id}\u0000enroll`), event);
  }

  /** Runs an instance's steps from its current one until it waits or ends. */
  private runInstance(instance: WorkflowInstance, firing: Firing, trigger: PendingEvent | null): void {
    const workflow = workflowOf(this.host.prepared, instance.workflow);
    const ops = workflow.ops;
    // Steps only jump forward (prepare.ts flattens `if` that way), so one run of
    // an instance visits each step at most once before it waits or ends.
    for (let visited = 0; ; visited++) {
      if (visited > ops.length) throw new LoopBoundError(`workflow "${workflow.name}" ran more than its ${ops.length} steps without waiting`);
      if (this.host.state.instances.get(instance.key) !== instance) return;
      const record = this.host.state.records.get(instance.bound);
      if (!record) return;
      const op = ops[instance.pc];
      if (op !== undefined && op.kind !== "jump") this.host.onCoverage?.({ kind: "step", workflow: workflow.id, step: workflow.stepOfOp[instance.pc]! });
      if (op === undefined || op.kind === "stop") {
        this.host.state.removeInstance(instance);
        this.host.state.finished.add(instance.key);
        return;
      }
      const ctx: EvalContext = {
        record: this.keyedView(workflow, instance, record),
        lookup: this.host.lookup,
        changes: trigger?.changes ?? null,
        previous: trigger?.previous ?? null,
        eventData: trigger?.eventData ?? null,
        now: this.host.turn.now,
        calendar: this.host.calendar,
      };
      switch (op.kind) {
        case "action":
          runActions(this.host, [op.action], ctx, record.ref, firing, (current) => this.keyedView(workflow, instance, current));
          instance.pc++;
          break;
        case "wait":
          this.host.state.newToken(instance);
          this.scheduleWait(instance, "wait", dueTime(this.host.turn.now, op.delay, this.host.calendar), firing);
          instance.waiting = "timer";
          return;
        case "waitUntil":
          if (op.condition.evaluate(ctx) === true) {
            instance.pc++;
            break;
          }
          this.host.state.newToken(instance);
          instance.waiting = "until";
          if (op.timeout) this.scheduleWait(instance, "timeout", addDuration(this.host.turn.now, op.timeout, this.host.calendar), firing);
          return;
        case "branch":
          instance.pc = op.condition.evaluate(ctx) === true ? instance.pc + 1 : op.elseTarget;
          break;
        case "jump":
          instance.pc = op.target;
          break;
      }
    }
  }

  /**
   * The bound record as the instance's steps read it: its key field holds the
   * instance's key record, even after the record was pointed at another one
   * (a deal moved to another contact keeps mailing the contact it enrolled for).
   */
  private keyedView(workflow: PreparedWorkflow, instance: WorkflowInstance, record: RecordState): RecordState {
    const keyField = workflow.keyFields.get(record.type);
    if (keyField === undefined || keyField === null || readField(record, keyField) === instance.keyRef) return record;
    return { ...record, fields: { ...record.fields, [keyField]: instance.keyRef } };
  }

  /**
   * A goal that holds ends the instance where it is: it finishes (so without
   * `reentry` its key never enrolls again), the timer of its pending wait goes
   * with it, and `workflow.exited` records it.
   */
  private exitOnGoal(instance: WorkflowInstance, workflow: PreparedWorkflow, event: PendingEvent): boolean {
    const record = this.host.state.records.get(instance.bound);
    if (!record) return false;
    const ctx = contextFor(this.host, this.keyedView(workflow, instance, record), event);
    const goal = metGoal(workflow, ctx);
    if (!goal) return false;
    if (this.host.onTrace) traceRule(this.host, workflow.name, record.ref, event.id, event.type, true, "goal met (exit when): the instance exits", goal, ctx);
    this.host.state.removeInstance(instance);
    this.host.state.finished.add(instance.key);
    this.host.turn.emit(this.host.turn.nextId(), instance.bound, "workflow.exited", { workflow: workflow.name }, firingOn(event.id, event.firing, workflow.name, event.lineage, `${workflow.id}\u0000exit`));
    return true;
  }

  /** The timer of the instance's current wait; its firing extends the name of the event `firing` ran on. */
  private scheduleWait(instance: WorkflowInstance, kind: WorkflowTimer["kind"], due: number, firing: Firing): void {
    const timer: WorkflowTimer = { kind, seq: ++this.host.state.timerSeq, due, cause: firing.cause, instance: instance.key, token: instance.token };
    keepCauseName(timer, firing.causeLineage);
    this.host.state.schedule(timer);
  }

  /** Goals, then `wait until`, are re-evaluated whenever the bound record changes. */
  resumeWaitsUntil(event: PendingEvent): void {
    const keys = this.host.state.instancesByRecord.get(event.ref)!;
    for (const key of [...keys]) {
      const instance = this.host.state.instances.get(key);
      if (!instance) continue;
      const workflow = workflowOf(this.host.prepared, instance.workflow);
      if (workflow.exits.length > 0 && this.exitOnGoal(instance, workflow, event)) continue;
      if (instance.waiting !== "until") continue;
      const op = workflow.ops[instance.pc];
      const record = this.host.state.records.get(instance.bound);
      if (op?.kind !== "waitUntil" || !record) continue;
      const ctx = contextFor(this.host, this.keyedView(workflow, instance, record), event);
      if (op.condition.evaluate(ctx) !== true) continue;
      if (this.host.onTrace) traceRule(this.host, workflow.name, record.ref, event.id, event.type, true, "wait until: condition is now true", op.condition, ctx);
      this.host.state.newToken(instance);
      instance.waiting = "none";
      instance.pc++;
      this.runInstance(instance, firingOn(event.id, event.firing, workflow.name, event.lineage, `${workflow.id}\u0000resume ${instance.pc}`), event);
    }
  }
}

/** The first goal that holds, if any. */
function metGoal(workflow: PreparedWorkflow, ctx: EvalContext): CompiledExpr | undefined {
  for (const goal of workflow.exits) if (goal.evaluate(ctx) === true) return goal;
  return undefined;
}

/** An instance's key: JSON, so no workflow name or record id can make two keys alike. */
function instanceKey(workflow: string, keyRecord: string): string {
  return JSON.stringify([workflow, keyRecord]);
}
