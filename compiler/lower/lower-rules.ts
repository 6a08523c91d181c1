// A rule lowers to one RuleDef. Its name is what output records carry in
// `rule`: the written name, or `file:line` of its first token (docs/contract.md).
// Its identity needs the whole program (identical unnamed rules are numbered),
// so lowerProgram gives it once every rule is lowered.
import type * as ast from "../../grammar/ast";
import { positionAt } from "../../grammar/index";
import type { RuleDef, SourceLocation } from "../../runtime/program/ir";
import { ruleName } from "../binder/rules";
import type { CheckedModel } from "../model";
import { lowerAction } from "./lower-actions";
import { lowerDelay } from "./lower-durations";
import { lowerExpr } from "./lower-expressions";
import { lowerTrigger, subjectEntity } from "./lower-subjects";

export function locationOf(node: ast.NodeBase, file: ast.SourceFile): SourceLocation {
  const { line, column } = positionAt(file.lineStarts, node.start);
  return { file: file.path, line, column };
}

export type UnidentifiedRule = Omit<RuleDef, "id">;

export function lowerRule(rule: ast.RuleDecl, file: ast.SourceFile, model: CheckedModel): UnidentifiedRule {
  const entity = model.rules.get(rule)?.subject?.entity ?? subjectEntity(rule.subject, model);
  return {
    name: model.rules.get(rule)?.name ?? ruleName(file, rule),
    location: locationOf(rule, file),
    entity,
    trigger: lowerTrigger(rule.subject, model),
    ...(rule.delay ? { delay: lowerDelay(rule.delay) } : {}),
    ...(rule.condition ? { condition: lowerExpr(rule.condition, model) } : {}),
    actions: rule.actions.map((action) => lowerAction(action, model, entity)),
  };
}
