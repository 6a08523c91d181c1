// What binding and typing learn beyond the public model: duplicates and the
// reasons names failed to resolve. Checks read it to word their diagnostics;
// lowering never needs it.
import type * as ast from "../../grammar/ast";
import type { CheckedModel } from "../model";

export interface Duplicate {
  /** entity, field, stage, template, team, event, rule, workflow, test, calendar, enum value, field value. */
  what: string;
  name: string;
  node: ast.Name | ast.CalendarDecl | ast.FieldAssignment;
  /** The file `node` is in (the file, not its path: two sources may share a path). */
  file: ast.SourceFile;
  /** Where the first one is, for the message. */
  first: { file: string; line: number };
}

/** Why a path did not resolve; the failing segment is `segments[segment]`. */
export interface PathFailure {
  segment: number;
  reason:
    | "unknown field"
    | "unknown enum value"
    | "unknown event field"
    | "event outside event subject"
    | "not a reference";
  /** Where the name was looked up: `deal`, `event invoice.paid`, `channel`. */
  owner: string;
  candidates: string[];
}

/**
 * Claims a name in its namespace (`what`, within `scope`: the entity of a field,
 * the kind of a template…); false, and a recorded duplicate, when it is taken.
 */
export type Claim = (what: string, scope: string, name: string, node: Duplicate["node"], file: ast.SourceFile) => boolean;

export interface Binding {
  model: CheckedModel;
  files: ast.SourceFile[];
  duplicates: Duplicate[];
  pathFailures: Map<ast.PathExpr, PathFailure>;
  claim: Claim;
}

/**
 * Lets go of what binding and typing recorded about the nodes of the items
 * checked so far (the per-node maps of the model, the path failures), keeping the
 * symbols. The streaming check calls it after each item, so that the item's
 * syntax tree is not kept alive by the maps keyed by its nodes. Fresh maps rather
 * than `clear()`: on a cold run clearing costs a runtime call per map.
 */
export function forgetItemResults(binding: Binding): void {
  const model = binding.model;
  if (model.rules.size > 0) model.rules = new Map();
  if (model.workflows.size > 0) model.workflows = new Map();
  if (model.subjects.size > 0) model.subjects = new Map();
  if (model.types.size > 0) model.types = new Map();
  if (model.paths.size > 0) model.paths = new Map();
  if (model.stages.size > 0) model.stages = new Map();
  if (model.moves.size > 0) model.moves = new Map();
  if (model.templateUses.size > 0) model.templateUses = new Map();
  if (binding.pathFailures.size > 0) binding.pathFailures = new Map();
}
