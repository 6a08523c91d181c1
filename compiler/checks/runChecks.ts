// Runs every check: node checks during one walk of each file (dispatch by kind),
// then the whole-program checks. Reports on nodes marked `missing` are dropped.
import type { Diagnostic } from "../../grammar/diagnostic";
import type { Binding } from "../binder/binding";
import { emptyScope } from "../binder/scope";
import { toDiagnostic, type CheckReport } from "../diagnostics";
import type { Check, CheckContext, ProgramContext } from "./context";
import { walkFile, walkPlan } from "./walk";

export function runChecks(binding: Binding, checks: readonly Check[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (entry: CheckReport) => {
    if (!entry.node.missing) diagnostics.push(toDiagnostic(entry));
  };
  const programContext: ProgramContext = { model: binding.model, binding, report };
  const plan = walkPlan(checks);
  for (const file of binding.files) {
    const context: CheckContext = {
      ...programContext,
      file,
      scope: emptyScope,
      rule: undefined,
      workflow: undefined,
      error: (code, message, node) => report({ code, severity: "error", message, node, file }),
      warning: (code, message, node) => report({ code, severity: "warning", message, node, file }),
    };
    walkFile(file, context, plan);
  }
  for (const check of checks) check.program?.(programContext);
  return diagnostics;
}
