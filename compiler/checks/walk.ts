// Visits every node of a file in source order, running the node checks of each
// kind, keeping the scope of the rule, enrollment or workflow it is in. Children
// are read from the fields that childKeys lists for each kind (a node of a kind
// it does not list, or a plain object such as a report's `email`, is searched
// field by field instead). Nodes invented by error recovery are skipped with
// their children.
//
// Speed: a check run is short and cold, so V8 runs this code in its baseline
// tiers where every allocation, call and lookup per node counts. One context is
// mutated (scope, rule, workflow set on entry and restored on exit) instead of
// copied per item; each kind's checks and child fields are found with one lookup;
// and childless kinds no check looks at (names, most literals: a large share of
// all nodes) are not entered at all.
import type * as ast from "../../grammar/ast";
import { emptyScope, forEachScope, stepScope, subjectScope } from "../binder/scope";
import { childKeys } from "./child-keys";
import type { Check, CheckContext, CheckableNode } from "./context";

type AnyNodeCheck = (node: CheckableNode, context: CheckContext) => void;

/** What the walk does at a node of one kind. */
interface KindPlan {
  /** The checks on this kind, in the order their diagnostics are produced. */
  checks: AnyNodeCheck[];
  /** The fields that hold its children. */
  childKeys: readonly string[];
  /** No checks and no children: nothing to do there. */
  skip: boolean;
}

export type WalkPlan = ReadonlyMap<string, KindPlan>;

export function walkPlan(checks: readonly Check[]): WalkPlan {
  const plan = new Map<string, KindPlan>();
  for (const [kind, keys] of Object.entries(childKeys as Record<string, readonly string[]>)) {
    plan.set(kind, { checks: [], childKeys: keys, skip: false });
  }
  for (const check of checks) {
    for (const [kind, fn] of Object.entries(check.nodes ?? {})) plan.get(kind)?.checks.push(fn as AnyNodeCheck);
  }
  for (const kindPlan of plan.values()) kindPlan.skip = kindPlan.checks.length === 0 && kindPlan.childKeys.length === 0;
  return plan;
}

/** Visits one top-level item of `context.file`, in the scope of its rule or workflow. */
export function walkItem(item: ast.TopLevelItem, context: CheckContext, plan: WalkPlan): void {
  if (item.missing) return;
  const { model } = context;
  if (item.kind === "RuleDecl") {
    const rule = model.rules.get(item);
    context.rule = item;
    context.scope = subjectScope(model, item.subject, rule?.subject);
  } else if (item.kind === "WorkflowDecl") {
    const workflow = model.workflows.get(item);
    context.workflow = workflow;
    context.scope = stepScope(model, workflow?.recordEntity);
  } else {
    context.scope = emptyScope;
  }
  visitValue(item, context, plan);
  context.rule = undefined;
  context.workflow = undefined;
  context.scope = emptyScope;
}

function walkNode(node: CheckableNode, kindPlan: KindPlan, context: CheckContext, plan: WalkPlan): void {
  const outer = context.scope;
  if (node.kind === "Enrollment") {
    context.scope = subjectScope(context.model, node.subject, context.model.subjects.get(node.subject));
  }
  const checks = kindPlan.checks;
  for (let i = 0; i < checks.length; i++) checks[i]!(node, context);
  // the block's actions run on each referring record (its checks ran in the rule's scope)
  if (node.kind === "ForEachAction") context.scope = forEachScope(context.model, outer, node);
  const keys = kindPlan.childKeys;
  const fields = node as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const child = fields[keys[i]!];
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      for (let j = 0; j < child.length; j++) visitValue(child[j], context, plan);
    } else {
      visitValue(child, context, plan);
    }
  }
  context.scope = outer;
}

function walkChildren(value: object, context: CheckContext, plan: WalkPlan): void {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const child = fields[key];
    if (child === null || typeof child !== "object") continue;
    if (Array.isArray(child)) {
      for (let j = 0; j < child.length; j++) visitValue(child[j], context, plan);
    } else {
      visitValue(child, context, plan);
    }
  }
}

function visitValue(value: unknown, context: CheckContext, plan: WalkPlan): void {
  if (value === null || typeof value !== "object") return;
  const candidate = value as { kind?: unknown; missing?: boolean };
  if (candidate.missing) return;
  const kind = candidate.kind;
  if (typeof kind !== "string") {
    walkChildren(value, context, plan);
    return;
  }
  const kindPlan = plan.get(kind);
  if (kindPlan === undefined) {
    // a kind childKeys does not list: run nothing, but still find the nodes inside
    walkChildren(value, context, plan);
  } else if (!kindPlan.skip) {
    walkNode(value as CheckableNode, kindPlan, context, plan);
  }
}
