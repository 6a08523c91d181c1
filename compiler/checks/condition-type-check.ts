// Conditions (`when`, `becomes`, `if`, `wait until`, `enroll … when`, `exit when`) must be bool.
import type * as ast from "../../grammar/ast";
import { typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

function checkCondition(context: CheckContext, condition: ast.Expr | undefined, where: string): void {
  if (!condition || condition.missing) return;
  const type = context.model.types.get(condition);
  if (!type || type.kind === "bool" || type.kind === "unknown") return;
  context.report(condition, Diagnostics.ConditionNotBool, { where, type: typeName(type) });
}

export const ConditionTypeCheck: Check = {
  name: "ConditionType",
  codes: ["SC2201"],
  nodes: {
    RuleDecl: (rule, context) => checkCondition(context, rule.condition, "`when`"),
    BecomesSubject: (subject, context) => checkCondition(context, subject.condition, "`becomes`"),
    Enrollment: (enrollment, context) => checkCondition(context, enrollment.condition, "`enroll … when`"),
    IfStep: (step, context) => checkCondition(context, step.condition, "`if`"),
    WaitUntilStep: (step, context) => checkCondition(context, step.condition, "`wait until`"),
    ExitGoal: (goal, context) => checkCondition(context, goal.condition, "`exit when`"),
  },
};
