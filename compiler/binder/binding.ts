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

export interface Binding {
  model: CheckedModel;
  files: ast.SourceFile[];
  duplicates: Duplicate[];
  pathFailures: Map<ast.PathExpr, PathFailure>;
}
