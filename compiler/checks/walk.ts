// Visits every node of a file in source order, keeping the scope of the rule,
// enrollment or workflow it is in. Children are read from the fields that
// childKeys lists for each kind (a node of a kind it does not list, or a plain
// object such as a report's `email`, is searched field by field instead).
// Nodes invented by error recovery are skipped with their children.
import type * as ast from "../../grammar/ast";
import { emptyScope, stepScope, subjectScope } from "../binder/scope";
import { childKeysOf } from "./childKeys";
import type { CheckContext, CheckableNode } from "./context";

export type Visit = (node: CheckableNode, context: CheckContext) => void;

export function walkFile(file: ast.SourceFile, context: CheckContext, visit: Visit): void {
  for (const item of file.items) {
    if (item.missing) continue;
    const itemContext = enterItem(item, context);
    walkNode(item, itemContext, visit);
  }
}

function enterItem(item: ast.TopLevelItem, context: CheckContext): CheckContext {
  const { model } = context;
  if (item.kind === "RuleDecl") {
    const rule = model.rules.get(item);
    return { ...context, rule: item, scope: subjectScope(model, item.subject, rule?.subject) };
  }
  if (item.kind === "WorkflowDecl") {
    const workflow = model.workflows.get(item);
    const scope = stepScope(model, workflow?.recordEntity);
    return workflow ? { ...context, workflow, scope } : { ...context, scope };
  }
  return { ...context, scope: emptyScope };
}

function walkNode(node: CheckableNode, context: CheckContext, visit: Visit): void {
  let inner = context;
  if (node.kind === "Enrollment") {
    inner = { ...context, scope: subjectScope(context.model, node.subject, context.model.subjects.get(node.subject)) };
  }
  visit(node, inner);
  const keys = childKeysOf(node);
  if (!keys) {
    walkChildren(node, inner, visit);
    return;
  }
  const fields = node as unknown as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const child = fields[keys[i]!];
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      for (let j = 0; j < child.length; j++) visitValue(child[j], inner, visit);
    } else {
      visitValue(child, inner, visit);
    }
  }
}

function walkChildren(value: object, context: CheckContext, visit: Visit): void {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const child = fields[key];
    if (key === "span" || child === null || typeof child !== "object") continue;
    if (Array.isArray(child)) {
      for (const element of child) visitValue(element, context, visit);
    } else {
      visitValue(child, context, visit);
    }
  }
}

function visitValue(value: unknown, context: CheckContext, visit: Visit): void {
  if (value === null || typeof value !== "object") return;
  const candidate = value as { kind?: unknown; missing?: boolean };
  if (candidate.missing) return;
  if (typeof candidate.kind === "string") walkNode(value as CheckableNode, context, visit);
  else walkChildren(value, context, visit);
}
