// The graph of what rules can cause: rule → the triggers its actions fire →
// the rules on those triggers. Triggers are nodes of their own, so the graph
// stays linear in the program's size however many rules share a trigger.
import type * as ast from "../../grammar/ast";
import type { CheckedModel, RuleResolution } from "../model";

export interface CauseGraph {
  /** Nodes 0..rules.length-1 are rules (declaration order), the rest are triggers. */
  rules: RuleResolution[];
  labels: string[];
  edges: number[][];
}

export function buildCauseGraph(model: CheckedModel): CauseGraph {
  const rules = [...model.rules.values()];
  const labels: string[] = rules.map((rule) => rule.name);
  const edges: number[][] = rules.map(() => []);
  const triggers = new Map<string, number>();
  // labels are only read for a cycle's message, so they are built once per trigger
  const trigger = (key: string, label: () => string): number => {
    let node = triggers.get(key);
    if (node === undefined) {
      node = labels.length;
      triggers.set(key, node);
      labels.push(label());
      edges.push([]);
    }
    return node;
  };
  const updated = (entity: string) => trigger(`updated\u0000${entity}`, () => `${entity} updated`);
  const fieldChanged = (entity: string, field: string) => {
    const key = `changed\u0000${entity}\u0000${field}`;
    const isNew = !triggers.has(key);
    const node = trigger(key, () => `${entity}.${field} changed`);
    // a changed field is an update, and may make a `becomes` condition true
    if (isNew) edges[node]!.push(updated(entity), trigger(`becomes\u0000${entity}`, () => `${entity} becomes`));
    return node;
  };
  const stage = (entity: string, name: string, edge: string) => trigger(`stage\u0000${entity}\u0000${name}\u0000${edge}`, () => `${entity} stage "${name}" ${edge}`);

  rules.forEach((rule, index) => {
    const subject = rule.subject;
    if (!subject) return;
    const decl = rule.decl.subject;
    const entity = subject.entity;
    let watched: number | undefined;
    if (decl.kind === "StageSubject" && subject.stage) watched = stage(entity, subject.stage.name, decl.edge);
    else if (decl.kind === "BecomesSubject") watched = trigger(`becomes\u0000${entity}`, () => `${entity} becomes`);
    else if (decl.kind === "LifecycleSubject" && decl.event === "created") watched = trigger(`created\u0000${entity}`, () => `${entity} created`);
    else if (decl.kind === "LifecycleSubject" && decl.event === "updated") {
      // `when changed(f) …` only re-fires when f itself changes
      const required = requiredChange(rule.decl.condition);
      watched = required === undefined ? updated(entity) : fieldChanged(entity, required);
    }
    if (watched !== undefined) edges[watched]!.push(index);
    for (const action of rule.decl.actions) {
      for (const caused of causes(model, action, entity)) edges[index]!.push(caused(stage, fieldChanged, trigger));
    }
  });
  return { rules, labels, edges };
}

type Stage = (entity: string, name: string, edge: string) => number;
type FieldChanged = (entity: string, field: string) => number;
type Trigger = (key: string, label: () => string) => number;
type Cause = (stage: Stage, fieldChanged: FieldChanged, trigger: Trigger) => number;

function causes(model: CheckedModel, action: ast.Action, entity: string): Cause[] {
  switch (action.kind) {
    case "OpenAction":
    case "CloseAction": {
      const reference = model.stages.get(action);
      const edge = action.kind === "OpenAction" ? "open" : "close";
      return reference ? [(stage) => stage(reference.entity, reference.stage.name, edge)] : [];
    }
    case "MoveAction": {
      const move = model.moves.get(action);
      const target = move?.stage;
      return move && target ? [(stage) => stage(move.targetEntity, target.name, "open")] : [];
    }
    case "SetAction":
    case "AssignAction": {
      const path = model.paths.get(action.field);
      return path?.kind === "field" && path.path.length === 1 ? [(_, fieldChanged) => fieldChanged(entity, path.path[0]!)] : [];
    }
    case "CreateRecordAction": {
      const created = action.entity.text;
      return model.entities.has(created) ? [(_, __, trigger) => trigger(`created\u0000${created}`, () => `${created} created`)] : [];
    }
    default:
      return [];
  }
}

/** A field `changed(f)` that the whole condition requires (a top-level `and` conjunct). */
function requiredChange(condition: ast.Expr | undefined): string | undefined {
  if (!condition) return undefined;
  if (condition.kind === "CallExpr" && condition.callee.text === "changed") {
    const arg = condition.args[0];
    return arg?.kind === "PathExpr" && arg.segments.length === 1 ? arg.segments[0]!.text : undefined;
  }
  if (condition.kind === "BinaryExpr" && condition.operator === "and") {
    return requiredChange(condition.left) ?? requiredChange(condition.right);
  }
  return undefined;
}
