// Types every expression and resolves every action of every rule and workflow,
// each in the scope of its subject (or, for workflow steps, its enrolled record).
import type * as ast from "../../grammar/ast";
import type { Binding } from "../binder/binding";
import type { RuleResolution, WorkflowResolution } from "../model";
import { stepScope, subjectScope, type Scope } from "../binder/scope";
import { typeAction } from "./type-actions";
import { typeExpr, type TypingEnv } from "./type-expr";
import { boolType } from "./value-type";

export function typeProgram(binding: Binding): void {
  const { model } = binding;
  for (const rule of model.rules.values()) typeRule(binding, rule);
  for (const workflow of model.workflows.values()) typeWorkflow(binding, workflow);
}

function typeRule(binding: Binding, rule: RuleResolution): void {
  const env = { binding, scope: subjectScope(binding.model, rule.decl.subject, rule.subject) };
  typeSubject(env, rule.decl.subject);
  if (rule.decl.condition) typeExpr(env, rule.decl.condition, boolType);
  const actions = rule.decl.actions;
  for (let i = 0; i < actions.length; i++) typeAction(env, actions[i]!);
}

function typeWorkflow(binding: Binding, workflow: WorkflowResolution): void {
  const { model } = binding;
  for (const enrollment of workflow.decl.enrollments) {
    const env = { binding, scope: subjectScope(model, enrollment.subject, model.subjects.get(enrollment.subject)) };
    typeSubject(env, enrollment.subject);
    if (enrollment.condition) typeExpr(env, enrollment.condition, boolType);
  }
  const stepEnv = { binding, scope: stepScope(model, workflow.recordEntity) };
  // Goals read the bound record as the steps do.
  for (const goal of workflow.decl.exits) typeExpr(stepEnv, goal.condition, boolType);
  typeSteps(stepEnv, workflow.decl.steps);
}

function typeSubject(env: TypingEnv, subject: ast.Subject): void {
  if (subject.kind === "BecomesSubject") typeExpr(env, subject.condition, boolType);
}

function typeSteps(env: { binding: Binding; scope: Scope }, steps: ast.Step[]): void {
  for (const step of steps) {
    switch (step.kind) {
      case "ActionStep":
        typeAction(env, step.action);
        break;
      case "WaitUntilStep":
        typeExpr(env, step.condition, boolType);
        break;
      case "IfStep":
        typeExpr(env, step.condition, boolType);
        typeSteps(env, step.then);
        if (step.else) typeSteps(env, step.else);
        break;
      case "WaitStep":
      case "StopStep":
        break;
    }
  }
}
