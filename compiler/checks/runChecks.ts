// Runs every check: node checks during one walk of each file (dispatch by kind),
// then the whole-program checks. Reports on nodes marked `missing` are dropped.
import type { Diagnostic } from "../../grammar/diagnostic";
import type { Binding } from "../binder/binding";
import { emptyScope } from "../binder/scope";
import { toDiagnostic, type CheckReport } from "../diagnostics";
import type { Check, CheckContext, CheckableNode, ProgramContext } from "./context";
import { walkFile } from "./walk";

type AnyNodeCheck = (node: CheckableNode, context: CheckContext) => void;

export function runChecks(binding: Binding, checks: readonly Check[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (entry: CheckReport & { file: string }) => {
    if (!entry.node.missing) diagnostics.push(toDiagnostic(entry, entry.file));
  };
  const byKind = new Map<string, AnyNodeCheck[]>();
  for (const check of checks) {
    for (const [kind, fn] of Object.entries(check.nodes ?? {})) {
      const list = byKind.get(kind) ?? [];
      list.push(fn as AnyNodeCheck);
      byKind.set(kind, list);
    }
  }
  const programContext: ProgramContext = { model: binding.model, binding, report };
  for (const file of binding.files) {
    const context: CheckContext = {
      ...programContext,
      file,
      scope: emptyScope,
      error: (code, message, node) => report({ code, severity: "error", message, node, file: file.path }),
      warning: (code, message, node) => report({ code, severity: "warning", message, node, file: file.path }),
    };
    walkFile(file, context, (node, nodeContext) => {
      const nodeChecks = byKind.get(node.kind);
      if (nodeChecks) for (const fn of nodeChecks) fn(node, nodeContext);
    });
  }
  for (const check of checks) check.program?.(programContext);
  return diagnostics;
}
