// What a check sees: the model, the binding's extra knowledge, the scope of the
// node being visited, and `report`. Checks are keyed by syntax-node kind (as in
// Langium's ValidationChecks); whole-program checks get `program`.
import type * as ast from "../../grammar/ast";
import type { Binding } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { CheckReport, Located } from "../diagnostics";
import type { CheckedModel, WorkflowResolution } from "../model";
import type { Severity } from "../../grammar/diagnostic";

/** Every node kind a check can be keyed by: the syntax nodes, calendar settings and written types. */
export type CheckableNode = ast.AstNode | ast.CalendarSetting | ast.TypeRef;
export type NodeKind = CheckableNode["kind"];
export type NodeOfKind<K extends NodeKind> = Extract<CheckableNode, { kind: K }>;

export interface ProgramContext {
  model: CheckedModel;
  binding: Binding;
  report(report: CheckReport): void;
}

export interface CheckContext extends ProgramContext {
  /** The file being walked. */
  file: ast.SourceFile;
  /** The scope expressions under the current node are typed in. */
  scope: Scope;
  /** The enclosing rule, if any. */
  rule?: ast.RuleDecl;
  /** The enclosing workflow, if any. */
  workflow?: WorkflowResolution;
  /** Shorthand for reporting on a node of the current file. */
  error(code: string, message: string, node: Located): void;
  warning(code: string, message: string, node: Located): void;
}

export type NodeChecks = { [K in NodeKind]?: (node: NodeOfKind<K>, context: CheckContext) => void };

export interface Check {
  name: string;
  /** The diagnostic codes this check reports (documented in docs/diagnostics.md). */
  codes: string[];
  nodes?: NodeChecks;
  /** The check's whole-program part, run once every item has been walked. */
  program?: (context: ProgramContext) => void;
}

export type { Severity };
