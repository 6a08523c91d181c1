// The forms of an `expect` beyond the output it matches: a count is a whole
// number and is not combined with `before` (one line says one thing), and
// `by rule "R"` / `by workflow "W"` names a rule or workflow that exists, since
// a misspelt name would make `expect` fail always and `expect no` pass always.
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import { quoted, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const TestExpectFormCheck: Check = {
  name: "TestExpectForm",
  codes: ["SC2709", "SC2710"],
  nodes: {
    TestExpect: (expect, context) => {
      const count = expect.count;
      if (!count || count.missing) return;
      if (!Number.isInteger(count.value)) context.report(count, Diagnostics.CountNotWhole, { count: count.text });
      else if (expect.before) context.report(count, Diagnostics.CountWithBefore, { count: count.text });
    },
    TestOutput: (output, context) => {
      if (output.by && !output.by.name.missing) checkBy(output.by, context);
    },
  },
};

function checkBy(by: NonNullable<ast.TestOutput["by"]>, context: CheckContext): void {
  const name = by.name.value;
  const rules = new Set<string>();
  for (const rule of context.model.rules.keys()) if (rule.name && !rule.name.missing) rules.add(rule.name.text);
  const workflows = new Set<string>();
  for (const workflow of context.model.workflows.values()) workflows.add(workflow.name);
  const [own, other, otherKind] = by.what === "rule" ? [rules, workflows, "workflow"] : [workflows, rules, "rule"];
  if (own.has(name)) return;
  if (other.has(name)) {
    context.report(by.name, Diagnostics.ByOtherKind, { name, kind: otherKind, other: by.what });
    return;
  }
  const unknown = by.what === "rule" ? Diagnostics.UnknownByRule : Diagnostics.UnknownByWorkflow;
  // `file:line` is how outputs name an unnamed rule; it moves with every edit above the rule
  const unnamed = by.what === "rule" && /:\d+$/.test(name);
  const hint = unnamed ? " An unnamed rule has no name a test can use: name it (`rule \"Name\": on …`)." : suggestion(name, own, quoted);
  context.report(by.name, unknown, { name, hint });
}
