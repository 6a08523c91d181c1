// Runs every check: node checks during one walk of each item (dispatch by kind),
// then the whole-program checks. Reports on nodes marked `missing` are dropped.
import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { Binding } from "../binder/binding";
import { emptyScope } from "../binder/scope";
import { diagnosticAt } from "../diagnostics";
import type { Check, CheckContext, ProgramContext } from "./context";
import { CauseGraph } from "./cause-graph";
import { walkItem, walkPlan } from "./walk";

/** Checks every item of the bound and typed files; every diagnostic, in the order produced. */
export function runChecks(binding: Binding, checks: readonly Check[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reportIn: ProgramContext["reportIn"] = (file, node, message, ...args) => {
    if (!node.missing) diagnostics.push(diagnosticAt(file, node, message, ...args));
  };
  let graph: CauseGraph | undefined;
  const causeGraph = () => {
    if (graph === undefined) {
      graph = new CauseGraph();
      // every bound rule, in file order, as the binder left it (also those whose item recovery marked missing)
      for (const rule of binding.model.rules.values()) graph.addRule(rule, binding.model);
    }
    return graph;
  };
  const programContext: ProgramContext = { model: binding.model, binding, reportIn, causeGraph };
  const plan = walkPlan(checks);
  for (const file of binding.files) {
    // one context per file, its scope, rule and workflow set per item
    const context: CheckContext = {
      ...programContext,
      file,
      scope: emptyScope,
      rule: undefined,
      workflow: undefined,
      report: (node, message, ...args) => reportIn(file, node, message, ...args),
    };
    for (const item of file.items) walkItem(item, context, plan);
  }
  for (const check of checks) check.program?.(programContext);
  return diagnostics;
}
