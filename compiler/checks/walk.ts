// Visits every node of a file in source order, running the node checks of each
// kind, keeping the scope of the rule, enrollment or workflow it is in. Children
// are read from the fields that childKeys lists for each kind (a node of a kind
// it does not list, or a plain object such as a report's `email`, is searched
// field by field instead). Nodes invented by error recovery are skipped with
// their children.
//
// Speed: a check run is short and cold, so V8 runs this code in its baseline
// tiers where every allocation and call per node counts. One context is mutated
// (scope, rule, workflow set on entry and restored on exit) instead of copied per
// item, and loops are indexed rather than iterator-based.
import type * as ast from "../../grammar/ast";
import { emptyScope, stepScope, subjectScope } from "../binder/scope";
import { childKeys } from "./childKeys";
import type { CheckContext, CheckableNode } from "./context";

export type AnyNodeCheck = (node: CheckableNode, context: CheckContext) => void;

/** The checks to run on each node kind, in the order their diagnostics are produced. */
export type ChecksByKind = Readonly<Record<string, readonly AnyNodeCheck[] | undefined>>;

const childKeysByKind = childKeys as Readonly<Record<string, readonly string[] | undefined>>;

export function walkFile(file: ast.SourceFile, context: CheckContext, checks: ChecksByKind): void {
  const { model } = context;
  const items = file.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.missing) continue;
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
    walkNode(item, context, checks);
    context.rule = undefined;
    context.workflow = undefined;
  }
  context.scope = emptyScope;
}

function walkNode(node: CheckableNode, context: CheckContext, checks: ChecksByKind): void {
  const outer = context.scope;
  if (node.kind === "Enrollment") {
    context.scope = subjectScope(context.model, node.subject, context.model.subjects.get(node.subject));
  }
  const nodeChecks = checks[node.kind];
  if (nodeChecks !== undefined) {
    for (let i = 0; i < nodeChecks.length; i++) nodeChecks[i]!(node, context);
  }
  const keys = childKeysByKind[node.kind];
  if (keys === undefined) {
    walkChildren(node, context, checks);
  } else {
    const fields = node as unknown as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const child = fields[keys[i]!];
      if (child === undefined || child === null) continue;
      if (Array.isArray(child)) {
        for (let j = 0; j < child.length; j++) visitValue(child[j], context, checks);
      } else {
        visitValue(child, context, checks);
      }
    }
  }
  context.scope = outer;
}

function walkChildren(value: object, context: CheckContext, checks: ChecksByKind): void {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const child = fields[key];
    if (key === "span" || child === null || typeof child !== "object") continue;
    if (Array.isArray(child)) {
      for (let j = 0; j < child.length; j++) visitValue(child[j], context, checks);
    } else {
      visitValue(child, context, checks);
    }
  }
}

function visitValue(value: unknown, context: CheckContext, checks: ChecksByKind): void {
  if (value === null || typeof value !== "object") return;
  const candidate = value as { kind?: unknown; missing?: boolean };
  if (candidate.missing) return;
  if (typeof candidate.kind === "string") walkNode(value as CheckableNode, context, checks);
  else walkChildren(value, context, checks);
}
