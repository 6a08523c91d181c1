// Rules that can never act: a `when` (or `enroll … when`, or `if`) that is always
// false, and a `becomes` whose condition reads nothing, so it can never turn from
// false to true.
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import { constantValue } from "./constant-value";

function warnIfAlwaysFalse(context: CheckContext, condition: ast.Expr | undefined, consequence: string): void {
  if (!condition || condition.missing) return;
  if (constantValue(condition) === false) {
    context.warning("SC2602", `This condition is always false, so ${consequence}.`, condition);
  }
}

export const NeverFiresCheck: Check = {
  name: "NeverFires",
  codes: ["SC2602"],
  nodes: {
    RuleDecl: (rule, context) => warnIfAlwaysFalse(context, rule.condition, "the rule never fires"),
    Enrollment: (enrollment, context) => warnIfAlwaysFalse(context, enrollment.condition, "nothing ever enrolls this way"),
    IfStep: (step, context) => warnIfAlwaysFalse(context, step.condition, "these steps never run"),
    BecomesSubject: (subject, context) => {
      if (subject.condition.missing || constantValue(subject.condition) === undefined) return;
      context.warning("SC2602", "This `becomes` condition reads no field, so it never turns from false to true and the rule never fires.", subject.condition);
    },
  },
};
