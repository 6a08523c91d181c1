// The graph of what rules can cause: rule → the triggers its actions fire →
// the rules on those triggers. Triggers are nodes of their own, so the graph
// stays linear in the program's size however many rules share a trigger.
//
// Every rule and action looks its trigger up here, so triggers are found through
// small per-entity tables (no key strings built per lookup, no closures per
// action); a trigger's label is built once, when the trigger is first seen.
import type * as ast from "../../grammar/ast";
import type { Located } from "../diagnostics";
import type { CheckedModel, RuleResolution } from "../model";
import { moveOutcome } from "./move-outcome";

/** Where a cycle report about a rule goes: its name, or its subject when it has none. */
export interface RuleNode {
  node: Located;
  file: ast.SourceFile;
  decl: ast.RuleDecl;
}

/** The trigger nodes of one entity; -1 where that trigger is not a node yet. */
interface EntityTriggers {
  created: number;
  updated: number;
  becomes: number;
  changed: Map<string, number>;
  opened: Map<string, number>;
  closed: Map<string, number>;
}

// Most rules cause nothing another rule watches, and most triggers have one or
// two rules: nodes share one empty list until their first edge.
const noEdges: number[] = [];

function addEdge(edges: number[][], from: number, to: number): void {
  const list = edges[from]!;
  if (list === noEdges) edges[from] = [to];
  else list.push(to);
}

class TriggerNodes {
  private readonly byEntity = new Map<string, EntityTriggers>();

  constructor(
    private readonly labels: string[],
    private readonly edges: number[][],
    private readonly ruleIndex: number[],
  ) {}

  created(entity: string): number {
    const triggers = this.of(entity);
    if (triggers.created < 0) triggers.created = this.add(`${entity} created`);
    return triggers.created;
  }

  updated(entity: string): number {
    const triggers = this.of(entity);
    if (triggers.updated < 0) triggers.updated = this.add(`${entity} updated`);
    return triggers.updated;
  }

  becomes(entity: string): number {
    const triggers = this.of(entity);
    if (triggers.becomes < 0) triggers.becomes = this.add(`${entity} becomes`);
    return triggers.becomes;
  }

  fieldChanged(entity: string, field: string): number {
    const changed = this.of(entity).changed;
    let node = changed.get(field);
    if (node === undefined) {
      node = this.add(`${entity}.${field} changed`);
      changed.set(field, node);
      // a changed field is an update, and may make a `becomes` condition true
      this.edges[node] = [this.updated(entity), this.becomes(entity)];
    }
    return node;
  }

  stage(entity: string, name: string, edge: "open" | "close"): number {
    const triggers = this.of(entity);
    const nodes = edge === "open" ? triggers.opened : triggers.closed;
    let node = nodes.get(name);
    if (node === undefined) {
      node = this.add(`${entity} stage "${name}" ${edge}`);
      nodes.set(name, node);
    }
    return node;
  }

  private of(entity: string): EntityTriggers {
    let triggers = this.byEntity.get(entity);
    if (triggers === undefined) {
      triggers = { created: -1, updated: -1, becomes: -1, changed: new Map(), opened: new Map(), closed: new Map() };
      this.byEntity.set(entity, triggers);
    }
    return triggers;
  }

  private add(label: string): number {
    this.labels.push(label);
    this.edges.push(noEdges);
    this.ruleIndex.push(-1);
    return this.labels.length - 1;
  }
}

/** The graph, built one rule at a time: rule and trigger nodes are numbered in the order they are first seen. */
export class CauseGraph {
  readonly labels: string[] = [];
  readonly edges: number[][] = [];
  /** The rules in the order added (their labels are their names). */
  readonly rules: RuleNode[] = [];
  /** For each node, its index in `rules`, or -1 for a trigger. */
  readonly ruleIndex: number[] = [];
  private readonly triggers = new TriggerNodes(this.labels, this.edges, this.ruleIndex);

  /** Adds a bound and typed rule: the trigger it watches, and those its actions fire. */
  addRule(rule: RuleResolution, model: CheckedModel): void {
    const index = this.labels.length;
    this.labels.push(rule.name);
    this.edges.push(noEdges);
    this.ruleIndex.push(this.rules.length);
    this.rules.push({ node: rule.decl.name ?? rule.decl.subject, file: rule.file, decl: rule.decl });
    const subject = rule.subject;
    if (!subject) return;
    const triggers = this.triggers;
    const decl = rule.decl.subject;
    const entity = subject.entity;
    let watched = -1;
    if (decl.kind === "StageSubject") {
      if (subject.stage) watched = triggers.stage(entity, subject.stage.name, decl.edge);
    } else if (decl.kind === "BecomesSubject") {
      // A condition made only of the record's fields turns true only when one of
      // them changes (or the record is created); anything else (a function call,
      // a stage test) may turn on any change.
      const paths = pathsRead(decl.condition);
      if (paths === undefined) {
        watched = triggers.becomes(entity);
      } else {
        addEdge(this.edges, triggers.created(entity), index);
        // `contact.vip` turns on a change of the deal's `contact`, and of the contact's `vip`
        // (the runtime evaluates the referring records again, docs/language.md "Subjects")
        for (const path of paths) {
          let owner: string | undefined = entity;
          for (let i = 0; i < path.length && owner !== undefined; i++) {
            addEdge(this.edges, triggers.fieldChanged(owner, path[i]!), index);
            owner = referencedEntity(model, owner, path[i]!);
          }
        }
      }
    } else if (decl.kind === "LifecycleSubject" && decl.event === "created") {
      watched = triggers.created(entity);
    } else if (decl.kind === "LifecycleSubject" && decl.event === "updated") {
      // `when changed(f) …` only re-fires when f itself changes
      const required = requiredChange(rule.decl.condition);
      watched = required === undefined ? triggers.updated(entity) : triggers.fieldChanged(entity, required);
    }
    if (watched >= 0) addEdge(this.edges, watched, index);
    const actions = rule.decl.actions;
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      const caused = causedTrigger(model, triggers, action, entity, rule.decl);
      if (caused >= 0) addEdge(this.edges, index, caused);
      // a record created in a stage opens it as part of its creation
      if (action.kind === "CreateRecordAction") {
        const stage = createdStage(model, action);
        if (stage !== undefined) addEdge(this.edges, index, triggers.stage(action.entity.text, stage, "open"));
      }
    }
  }
}

/** The trigger an action fires, or -1 for none. */
function causedTrigger(model: CheckedModel, triggers: TriggerNodes, action: ast.Action, entity: string, rule: ast.RuleDecl): number {
  switch (action.kind) {
    case "OpenAction":
    case "CloseAction": {
      const reference = model.stages.get(action);
      return reference ? triggers.stage(reference.entity, reference.stage.name, action.kind === "OpenAction" ? "open" : "close") : -1;
    }
    case "MoveAction": {
      // a move that cannot happen, or to the stage already open, opens nothing
      const move = model.moves.get(action);
      if (!move?.stage || moveOutcome(model, action, move, rule).kind !== "moves") return -1;
      return triggers.stage(move.targetEntity, move.stage.name, "open");
    }
    case "SetAction":
    case "AssignAction": {
      // `set contact.vip = …` changes the contact's `vip`
      const path = model.paths.get(action.field);
      if (path?.kind !== "field") return -1;
      let owner: string | undefined = entity;
      for (let i = 0; i < path.path.length - 1 && owner !== undefined; i++) owner = referencedEntity(model, owner, path.path[i]!);
      return owner === undefined ? -1 : triggers.fieldChanged(owner, path.path[path.path.length - 1]!);
    }
    case "CreateRecordAction":
      return model.entities.has(action.entity.text) ? triggers.created(action.entity.text) : -1;
    default:
      return -1;
  }
}

/** The stage a `create X with { stage: "S" }` creates its record in, when S is a stage of X. */
function createdStage(model: CheckedModel, action: ast.CreateRecordAction): string | undefined {
  const pipeline = model.entities.get(action.entity.text)?.pipeline;
  for (const assignment of action.fields) {
    const value = assignment.value;
    if (assignment.name.text === "stage" && value.kind === "StringLiteral" && pipeline?.stagesByName.has(value.value)) return value.value;
  }
  return undefined;
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

/** The entity a reference field of `entity` refers to, or undefined when the field is no reference. */
function referencedEntity(model: CheckedModel, entity: string, field: string): string | undefined {
  const type = model.entities.get(entity)?.fields.get(field)?.type;
  return type?.kind === "ref" ? type.entity : undefined;
}

/**
 * The field paths a condition reads (`contact.vip` through the reference
 * `contact`), or undefined when it reads more than fields. Names that are enum
 * values count as fields too, which only adds edges that lead nowhere.
 */
function pathsRead(condition: ast.Expr): string[][] | undefined {
  const paths: string[][] = [];
  const pending: ast.Expr[] = [condition];
  while (pending.length > 0) {
    const expr = pending.pop()!;
    switch (expr.kind) {
      case "PathExpr": {
        const first = expr.segments[0]?.text;
        if (first === undefined || first === "stage") return undefined;
        paths.push(expr.segments.map((segment) => segment.text));
        break;
      }
      case "BinaryExpr":
        pending.push(expr.left, expr.right);
        break;
      case "UnaryExpr":
        pending.push(expr.operand);
        break;
      case "InExpr":
        pending.push(expr.value);
        for (const item of expr.options.items) pending.push(item);
        break;
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral":
      case "DateLiteral":
      case "DateTimeLiteral":
      case "NoneExpr":
        break;
      default:
        return undefined;
    }
  }
  return paths;
}
