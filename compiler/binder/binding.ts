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
  file: string;
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

export interface Binding {
  model: CheckedModel;
  files: ast.SourceFile[];
  /** The same files by path: reports name their file by path, and its line starts place them. */
  filesByPath: Map<string, ast.SourceFile>;
  duplicates: Duplicate[];
  pathFailures: Map<ast.PathExpr, PathFailure>;
}
