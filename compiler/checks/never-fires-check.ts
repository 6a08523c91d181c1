// Rules that can never act: a `when` (or `enroll … when`, or `if`) that is always
// false, and a `becomes` whose condition reads nothing, so it can never turn from
// false to true.
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import { constantValue } from "./constant-value";
import { Diagnostics } from "../../diagnostics/messages";

function warnIfAlwaysFalse(context: CheckContext, condition: ast.Expr | undefined, consequence: string): void {
  if (!condition || condition.missing) return;
  if (constantValue(condition, context.model.calendar.timezone) === false) {
    context.report(condition, Diagnostics.AlwaysFalse, { consequence });
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
      if (subject.condition.missing || constantValue(subject.condition, context.model.calendar.timezone) === undefined) return;
      context.report(subject.condition, Diagnostics.BecomesReadsNothing);
    },
  },
};
