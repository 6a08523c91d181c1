// A program made ready to run, once per engine: expressions compiled to
// closures, workflow steps flattened to a jump list, and every rule and
// enrollment indexed by the exact event it waits for, so an event only ever
// meets the rules that can match it (docs/language.md "Scale").
import type { Action, Delay, Duration, Enrollment, Program, Recipient, RuleDef, Step, Trigger, WorkflowDef } from "./ir";
import type { CompiledAction, CompiledCondition, CompiledProgram, CompiledStep, EvalContext } from "../types";
import type { Value } from "./ir";
import { compileExpr, compileTemplateText, fieldPathReader, type CompiledExpr, type Evaluator } from "../expressions/compile-expr";
import { watchReferences, type ReferenceWatch } from "../engine/reference-index";

export type RecipientReader = (ctx: EvalContext) => Value;

export interface PreparedAction {
  action: Action;
  /** `set` value, `create` field values, in written order. */
  values: Evaluator[];
  text?: (ctx: EvalContext) => string;
  to?: RecipientReader;
  cc?: RecipientReader;
  target?: Evaluator;
  /** `for each`'s block, run on each referring record. */
  actions?: PreparedAction[];
}

export interface PreparedRule {
  /** The rule's identity (RuleDef.id): what its timers name. */
  id: string;
  /** Key of this rule's last `becomes` truth value in a record. */
  key: string;
  def: RuleDef;
  name: string;
  entity: string;
  condition: CompiledCondition | null;
  /** The `when` expression (or `becomes` condition), for the values a trace shows. */
  conditionExpr: CompiledExpr | null;
  becomes: CompiledExpr | null;
  delay: Delay | undefined;
  /**
   * For `stage "S" open|close …`: S and the edge. An open rule runs only while
   * the opening that triggered it lasts; a timer of `open after` or `close after`
   * belongs to one opening of S (the one that opened, or that closed).
   */
  stageTrigger: { stage: string; edge: "open" | "close" } | undefined;
  actions: PreparedAction[];
}

export type WorkflowOp =
  | { kind: "action"; action: PreparedAction }
  | { kind: "wait"; delay: Delay }
  | { kind: "waitUntil"; condition: CompiledExpr; timeout?: Duration }
  | { kind: "branch"; condition: CompiledExpr; elseTarget: number }
  | { kind: "jump"; target: number }
  | { kind: "stop" };

export interface PreparedEnrollment {
  index: number;
  key: string;
  def: Enrollment;
  condition: CompiledExpr | null;
  becomes: CompiledExpr | null;
}

export interface PreparedWorkflow {
  /** The workflow's identity (WorkflowDef.id): what its instances name. */
  id: string;
  def: WorkflowDef;
  name: string;
  /** Enrolling entity → the field holding the instance's key record (null: the record itself). */
  keyFields: Map<string, string | null>;
  ops: WorkflowOp[];
  /** Op index → the step it runs (pre-order, as WorkflowDef.stepLocations); -1 for the jumps `if` adds. */
  stepOfOp: number[];
  enrollments: PreparedEnrollment[];
  /** `exit when` goals, in written order. */
  exits: CompiledExpr[];
}

export type Handler =
  | { kind: "rule"; rule: PreparedRule }
  | { kind: "enroll"; workflow: PreparedWorkflow; enrollment: PreparedEnrollment };

export interface PreparedProgram {
  program: Program;
  rules: PreparedRule[];
  workflows: PreparedWorkflow[];
  rulesById: Map<string, PreparedRule>;
  workflowsById: Map<string, PreparedWorkflow>;
  /** Event → the handlers to consider, rules in declaration order, then enrollments. */
  handlers: HandlerIndex;
  /** `entity.field` pairs that `assign … least loaded` counts over. */
  loadFields: Set<string>;
  /** The references `becomes` and `wait until` read through, and who to evaluate when a referenced record changes. */
  references: ReferenceWatch;
}

/** An event on a record: its entity, type and (for stage events) stage. */
type EventKey = [entity: string, type: string, stage?: string];

/**
 * Handlers by entity, then event type, then stage: nested maps, so a lookup
 * hashes the strings the event already holds instead of building a key.
 */
export class HandlerIndex {
  private readonly byEntity = new Map<string, Map<string, Handler[] | Map<string, Handler[]>>>();

  add([entity, type, stage]: EventKey, handler: Handler): void {
    let types = this.byEntity.get(entity);
    if (!types) this.byEntity.set(entity, (types = new Map()));
    let entry = types.get(type);
    if (stage === undefined) {
      if (!entry) types.set(type, (entry = []));
      (entry as Handler[]).push(handler);
      return;
    }
    if (!entry) types.set(type, (entry = new Map()));
    const byStage = entry as Map<string, Handler[]>;
    const list = byStage.get(stage);
    if (list) list.push(handler);
    else byStage.set(stage, [handler]);
  }

  get(entity: string, type: string, stage: string | undefined): Handler[] | undefined {
    const entry = this.byEntity.get(entity)?.get(type);
    if (entry === undefined) return undefined;
    if (stage === undefined) return Array.isArray(entry) ? entry : undefined;
    return Array.isArray(entry) ? undefined : entry.get(stage);
  }
}

const cache = new WeakMap<Program, PreparedProgram>();

export function prepareProgram(program: Program, compiled?: CompiledProgram): PreparedProgram {
  if (compiled) return build(program, compiled);
  let prepared = cache.get(program);
  if (!prepared) {
    prepared = build(program, undefined);
    cache.set(program, prepared);
  }
  return prepared;
}

function build(program: Program, compiled: CompiledProgram | undefined): PreparedProgram {
  const loadFields = new Set<string>();
  // `for each` finds its records through the reference index: entity → fields to index
  const referrerFields = new Map<string, Set<string>>();
  const prepareActions = (entity: string, actions: Action[], given?: CompiledAction[]): PreparedAction[] =>
    actions.map((action, i) => {
      if (action.kind === "assign" && action.strategy === "least_loaded") loadFields.add(`${entity}.${action.field}`);
      const prepared = prepareAction(action, given?.[i]);
      if (action.kind === "forEach") {
        let fields = referrerFields.get(action.entity);
        if (!fields) referrerFields.set(action.entity, (fields = new Set()));
        fields.add(action.field);
        prepared.actions = prepareActions(action.entity, action.actions, given?.[i]?.actions);
      }
      return prepared;
    });

  const rules = program.rules.map((def, index): PreparedRule => {
    const conditionExpr = def.condition ? compileExpr(def.condition) : null;
    // Precompiled code belongs to the rule whose identity it names; a mismatch means another program, so it is not used.
    const code = compiled?.rules?.[index]?.id === def.id ? compiled.rules[index] : undefined;
    const given = code?.condition ?? (compiled?.conditions && Object.hasOwn(compiled.conditions, def.id) ? compiled.conditions[def.id] : undefined);
    const becomes = def.trigger.kind === "becomes" ? withCode(compileExpr(def.trigger.condition), code?.becomes) : null;
    return {
      id: def.id,
      key: `r:${def.id}`,
      def,
      name: def.name,
      entity: def.entity,
      condition: given ?? (conditionExpr ? asCondition(conditionExpr) : null),
      conditionExpr,
      becomes,
      delay: def.delay,
      stageTrigger: def.trigger.kind === "stage" ? { stage: def.trigger.stage, edge: def.trigger.edge } : undefined,
      actions: prepareActions(def.entity, def.actions, code?.actions),
    };
  });

  const workflows = program.workflows.map((def, index): PreparedWorkflow => {
    const entity = def.enrollments[0]?.entity ?? def.per;
    const code = compiled?.workflows?.[index]?.id === def.id ? compiled.workflows[index] : undefined;
    const ops: WorkflowOp[] = [];
    flattenSteps(def.steps, ops, (action, given) => prepareActions(entity, [action], given ? [given] : undefined)[0]!, code?.steps);
    return {
      id: def.id,
      def,
      name: def.name,
      keyFields: new Map(def.enrollments.map((enrollment) => [enrollment.entity, enrollment.keyField])),
      ops,
      stepOfOp: stepsOfOps(ops),
      enrollments: def.enrollments.map((enrollment, i) => ({
        index: i,
        key: `w:${def.id}.${i}`,
        def: enrollment,
        condition: enrollment.condition ? withCode(compileExpr(enrollment.condition), code?.enrollments?.[i]?.condition) : null,
        becomes: enrollment.trigger.kind === "becomes" ? withCode(compileExpr(enrollment.trigger.condition), code?.enrollments?.[i]?.becomes) : null,
      })),
      exits: (def.exits ?? []).map((goal, i) => withCode(compileExpr(goal), code?.exits?.[i])),
    };
  });

  return {
    program,
    rules,
    workflows,
    rulesById: byIdentity("rule", rules),
    workflowsById: byIdentity("workflow", workflows),
    handlers: indexHandlers(program, rules, workflows),
    loadFields,
    references: watchReferences(program, rules, workflows, referrerFields),
  };
}

/**
 * The rule a stored timer names. A restored snapshot was written by a program
 * of the same fingerprint, so a missing identity is an engine bug, not input.
 */
export function ruleOf(prepared: PreparedProgram, id: string): PreparedRule {
  const rule = prepared.rulesById.get(id);
  if (!rule) throw new Error(`no rule has the identity "${id}" a timer names`);
  return rule;
}

/** The workflow a stored instance names (see ruleOf). */
export function workflowOf(prepared: PreparedProgram, id: string): PreparedWorkflow {
  const workflow = prepared.workflowsById.get(id);
  if (!workflow) throw new Error(`no workflow has the identity "${id}" an instance names`);
  return workflow;
}

/** Identities are unique in a program (the compiler makes them so); two alike would let a timer run either. */
function byIdentity<T extends { id: string }>(kind: string, items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) throw new Error(`the program has two ${kind}s with the identity "${item.id}"`);
    map.set(item.id, item);
  }
  return map;
}

/** Precompiled code evaluates; the IR's compilation still lists what the expression reads, for traces. */
function withCode(expr: CompiledExpr, code: CompiledCondition | undefined): CompiledExpr {
  return code ? { evaluate: code, reads: expr.reads } : expr;
}

function asCondition(expr: CompiledExpr): CompiledCondition {
  const evaluate = expr.evaluate;
  return (ctx) => evaluate(ctx) === true;
}

function prepareAction(action: Action, code: CompiledAction | undefined): PreparedAction {
  const prepared = compileAction(action);
  if (code?.values) prepared.values = code.values;
  if (code?.text) prepared.text = code.text;
  if (code?.to) prepared.to = code.to;
  if (code?.cc) prepared.cc = code.cc;
  if (code?.target) prepared.target = code.target;
  return prepared;
}

function compileAction(action: Action): PreparedAction {
  const prepared: PreparedAction = { action, values: [] };
  switch (action.kind) {
    case "set":
      prepared.values = [compileExpr(action.value).evaluate];
      if (action.target) prepared.target = fieldPathReader(action.target);
      break;
    case "create":
      prepared.values = action.fields.map((field) => compileExpr(field.value).evaluate);
      break;
    case "move":
      if (action.target) prepared.target = fieldPathReader(action.target);
      break;
    case "sendEmail":
      prepared.to = recipientReader(action.to);
      if (action.cc) prepared.cc = recipientReader(action.cc);
      break;
    case "sendSms":
      prepared.to = recipientReader(action.to);
      break;
    case "createTask":
      if (action.for) prepared.to = recipientReader(action.for);
      break;
    case "createActivity":
      prepared.text = compileTemplateText(action.text);
      break;
    case "generateReport":
      if (action.email) prepared.to = recipientReader(action.email.to);
      break;
    case "requestSignature":
      prepared.to = recipientReader(action.from);
      break;
    case "notify":
      prepared.to = recipientReader(action.to);
      prepared.text = compileTemplateText(action.text);
      break;
    case "assign":
      if (action.where) prepared.values = action.where.map((criterion) => compileExpr(criterion.value).evaluate);
      break;
    case "open":
    case "close":
    case "forEach":
      break;
  }
  return prepared;
}

// Every recipient's value is already what the output carries: a reference field
// holds `type/id`, an email field the address, a user field the user.
function recipientReader(recipient: Recipient): RecipientReader {
  if (recipient.kind === "user") {
    const user = recipient.user;
    return () => user;
  }
  return fieldPathReader(recipient.path);
}

/** Flattening writes steps in pre-order and adds only jumps, so counting the other ops numbers the steps. */
function stepsOfOps(ops: readonly WorkflowOp[]): number[] {
  let step = 0;
  return ops.map((op) => (op.kind === "jump" ? -1 : step++));
}

function flattenSteps(
  steps: Step[],
  ops: WorkflowOp[],
  prepare: (action: Action, code: CompiledAction | undefined) => PreparedAction,
  code: CompiledStep[] | undefined,
): void {
  steps.forEach((step, index) => {
    const given = code?.[index];
    switch (step.kind) {
      case "action":
        ops.push({ kind: "action", action: prepare(step.action, given?.action) });
        break;
      case "wait":
        ops.push({ kind: "wait", delay: { duration: step.duration, ...(step.at === undefined ? {} : { at: step.at }), withinWorkingHours: step.withinWorkingHours === true } });
        break;
      case "waitUntil": {
        const condition = withCode(compileExpr(step.condition), given?.condition);
        ops.push(step.timeout ? { kind: "waitUntil", condition, timeout: step.timeout } : { kind: "waitUntil", condition });
        break;
      }
      case "stop":
        ops.push({ kind: "stop" });
        break;
      case "if": {
        const branch: WorkflowOp & { kind: "branch" } = { kind: "branch", condition: withCode(compileExpr(step.condition), given?.condition), elseTarget: -1 };
        ops.push(branch);
        flattenSteps(step.then, ops, prepare, given?.then);
        if (step.else.length > 0) {
          const jump: WorkflowOp & { kind: "jump" } = { kind: "jump", target: -1 };
          ops.push(jump);
          branch.elseTarget = ops.length;
          flattenSteps(step.else, ops, prepare, given?.else);
          jump.target = ops.length;
        } else {
          branch.elseTarget = ops.length;
        }
        break;
      }
    }
  });
}

/** The event keys a trigger listens to on records of `entity`. */
function triggerKeys(entity: string, trigger: Trigger): EventKey[] {
  switch (trigger.kind) {
    case "stage":
      return [[entity, trigger.edge === "open" ? "stage.opened" : "stage.closed", trigger.stage]];
    case "lifecycle":
      return [[entity, trigger.event]];
    case "event":
      return [[entity, trigger.event]];
    case "becomes":
      return [];
  }
}

/** Every event that changes a record of the entity: where `becomes` conditions are re-evaluated. */
function changeKeys(program: Program, entity: string): EventKey[] {
  const stages = program.entities.find((def) => def.name === entity)?.pipeline?.stages ?? [];
  return [
    [entity, "created"],
    [entity, "updated"],
    [entity, "responsible.changed"],
    ...stages.flatMap((stage): EventKey[] => [
      [entity, "stage.opened", stage.name],
      [entity, "stage.closed", stage.name],
    ]),
  ];
}

function indexHandlers(program: Program, rules: PreparedRule[], workflows: PreparedWorkflow[]): HandlerIndex {
  const handlers = new HandlerIndex();
  const add = (key: EventKey, handler: Handler) => handlers.add(key, handler);
  // Rules first, in declaration order, then workflow enrollments in theirs: the
  // insertion order below is the run order.
  for (const rule of rules) {
    const keys = rule.def.trigger.kind === "becomes" ? changeKeys(program, rule.entity) : triggerKeys(rule.entity, rule.def.trigger);
    for (const key of keys) add(key, { kind: "rule", rule });
  }
  for (const workflow of workflows) {
    for (const enrollment of workflow.enrollments) {
      const { entity, trigger } = enrollment.def;
      const keys = trigger.kind === "becomes" ? changeKeys(program, entity) : triggerKeys(entity, trigger);
      for (const key of keys) add(key, { kind: "enroll", workflow, enrollment });
    }
  }
  return handlers;
}
