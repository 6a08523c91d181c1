// Runs every check: node checks during one walk of each item (dispatch by kind),
// whole-program checks fed item by item and finished at the end. Reports on nodes
// marked `missing` are dropped.
import type * as ast from "../../grammar/ast";
import type { Diagnostic } from "../../grammar/diagnostic";
import type { Binding } from "../binder/binding";
import { emptyScope } from "../binder/scope";
import { toDiagnostic, type CheckReport } from "../diagnostics";
import type { Check, CheckContext, ProgramCheckRun, ProgramContext } from "./context";
import { walkItem, walkPlan } from "./walk";

/** One run of the checks over a program, fed its items in file order. */
export interface CheckRun {
  /** Checks one item, already bound and typed. */
  item(item: ast.TopLevelItem, file: ast.SourceFile): void;
  /** Runs the whole-program checks; every diagnostic of the run, in the order produced. */
  finish(): Diagnostic[];
}

export function startChecks(binding: Binding, checks: readonly Check[]): CheckRun {
  const diagnostics: Diagnostic[] = [];
  const report = (entry: CheckReport) => {
    if (!entry.node.missing) diagnostics.push(toDiagnostic(entry));
  };
  const programContext: ProgramContext = { model: binding.model, binding, report };
  const plan = walkPlan(checks);
  // one context for the whole run, its file, scope, rule and workflow set per item
  // (node checks run only inside `item`, so the placeholder file is never reported on)
  const context: CheckContext = {
    ...programContext,
    file: binding.files[0] ?? { kind: "SourceFile", path: "", items: [], comments: [], start: 0, end: 0, lineStarts: [0] },
    scope: emptyScope,
    rule: undefined,
    workflow: undefined,
    error: (code, message, node) => report({ code, severity: "error", message, node, file: context.file }),
    warning: (code, message, node) => report({ code, severity: "warning", message, node, file: context.file }),
  };
  const programRuns: ProgramCheckRun[] = [];
  for (const check of checks) if (check.program) programRuns.push(check.program(programContext));
  return {
    item(item, file) {
      context.file = file;
      walkItem(item, context, plan);
      for (let i = 0; i < programRuns.length; i++) programRuns[i]!.item?.(item, context);
    },
    finish() {
      for (const run of programRuns) run.finish();
      return diagnostics;
    },
  };
}

/** Checks every item of the bound and typed files. */
export function runChecks(binding: Binding, checks: readonly Check[]): Diagnostic[] {
  const run = startChecks(binding, checks);
  for (const file of binding.files) {
    for (let i = 0; i < file.items.length; i++) run.item(file.items[i]!, file);
  }
  return run.finish();
}
