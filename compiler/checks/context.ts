// What a check sees: the model, the binding's extra knowledge, the scope of the
// node being visited, and `report`. Checks are keyed by syntax-node kind (as in
// Langium's ValidationChecks); whole-program checks get `program`.
import type * as ast from "../../grammar/ast";
import type { Binding } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { DiagnosticMessage, MessageArguments } from "../../diagnostics/message";
import type { Code } from "../../diagnostics/codes";
import type { Located } from "../diagnostics";
import type { CheckedModel, WorkflowResolution } from "../model";
import type { CauseGraph } from "./cause-graph";

/** Every node kind a check can be keyed by: the syntax nodes, calendar settings and written types. */
export type CheckableNode = ast.AstNode | ast.CalendarSetting | ast.TypeRef;
export type NodeKind = CheckableNode["kind"];
export type NodeOfKind<K extends NodeKind> = Extract<CheckableNode, { kind: K }>;

export interface ProgramContext {
  model: CheckedModel;
  binding: Binding;
  /** Reports a message of the table on a node of `file` (nodes recovery marked missing are skipped). */
  reportIn<T extends string>(file: ast.SourceFile, node: Located, message: DiagnosticMessage<T>, ...args: MessageArguments<T>): void;
  /** How the rules feed each other (every bound rule, in file order), built once for the checks that read it. */
  causeGraph(): CauseGraph;
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
  /** Reports a message of the table on a node of the current file. */
  report<T extends string>(node: Located, message: DiagnosticMessage<T>, ...args: MessageArguments<T>): void;
}

export type NodeChecks = { [K in NodeKind]?: (node: NodeOfKind<K>, context: CheckContext) => void };

export interface Check {
  name: string;
  /** The diagnostic codes this check reports (diagnostics/codes.ts). */
  codes: Code[];
  nodes?: NodeChecks;
  /** The check's whole-program part, run once every item has been walked. */
  program?: (context: ProgramContext) => void;
}
