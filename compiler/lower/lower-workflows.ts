// A workflow lowers to its enrollments and steps. Instances are keyed by the
// `per` entity (docs/language.md "Workflows"): `per deal` keys by the enrolling deal itself,
// `per contact` by the deal's `contact` reference, which `keyField` names so
// the runtime never has to search the schema.
import type * as ast from "../../grammar/ast";
import type { Enrollment, SourceLocation, Step, WorkflowDef } from "../../runtime/program/ir";
import type { CheckedModel, EnrollmentResolution } from "../model";
import { lowerAction } from "./lower-actions";
import { lowerDelay, lowerDuration } from "./lower-durations";
import { lowerExpr } from "./lower-expressions";
import { locationOf } from "./lower-rules";
import { lowerTrigger, subjectEntity } from "./lower-subjects";

export function lowerWorkflow(workflow: ast.WorkflowDecl, file: ast.SourceFile, model: CheckedModel): WorkflowDef {
  const resolution = model.workflows.get(workflow);
  const firstEntity = workflow.enrollments[0] ? subjectEntity(workflow.enrollments[0].subject, model) : undefined;
  const recordEntity = resolution?.recordEntity ?? firstEntity ?? workflow.per?.text ?? "";
  const per = resolution?.per ?? workflow.per?.text ?? recordEntity;
  const name = resolution?.name ?? workflow.name.text;
  return {
    id: name,
    name,
    location: locationOf(workflow, file),
    per,
    reentry: workflow.reentry,
    enrollments: workflow.enrollments.map((enrollment) =>
      lowerEnrollment(enrollment, per, model, resolution?.enrollments.get(enrollment)),
    ),
    ...(workflow.exits.length > 0 ? { exits: workflow.exits.map((goal) => lowerExpr(goal.condition, model)) } : {}),
    steps: lowerSteps(workflow.steps, model, recordEntity),
    stepLocations: stepLocations(workflow.steps, file),
  };
}

/** Each step's position, in the pre-order WorkflowDef.stepLocations documents. */
function stepLocations(steps: ast.Step[], file: ast.SourceFile, into: SourceLocation[] = []): SourceLocation[] {
  for (const step of steps) {
    into.push(locationOf(step, file));
    if (step.kind === "IfStep") {
      stepLocations(step.then, file, into);
      stepLocations(step.else ?? [], file, into);
    }
  }
  return into;
}

function lowerEnrollment(
  enrollment: ast.Enrollment,
  per: string,
  model: CheckedModel,
  resolved: EnrollmentResolution | undefined,
): Enrollment {
  const entity = subjectEntity(enrollment.subject, model);
  return {
    entity,
    trigger: lowerTrigger(enrollment.subject, model),
    ...(enrollment.condition ? { condition: lowerExpr(enrollment.condition, model) } : {}),
    keyField: resolved ? resolved.keyField : keyFieldFor(entity, per, model),
  };
}

/** The first reference field of `entity` whose type is `per`; null when `per` is the entity itself. */
export function keyFieldFor(entity: string, per: string, model: CheckedModel): string | null {
  if (entity === per) return null;
  for (const field of model.entities.get(entity)?.fields.values() ?? []) {
    if (field.type.kind === "ref" && field.type.entity === per) return field.name;
  }
  return null;
}

function lowerSteps(steps: ast.Step[], model: CheckedModel, recordEntity: string): Step[] {
  return steps.map((step) => lowerStep(step, model, recordEntity));
}

function lowerStep(step: ast.Step, model: CheckedModel, recordEntity: string): Step {
  switch (step.kind) {
    case "ActionStep":
      return { kind: "action", action: lowerAction(step.action, model, recordEntity) };
    case "WaitStep": {
      // `at` and `within working hours` only when written: a plain wait lowers as it always has.
      const { duration, at, withinWorkingHours } = lowerDelay(step);
      return { kind: "wait", duration, ...(at === undefined ? {} : { at }), ...(withinWorkingHours ? { withinWorkingHours } : {}) };
    }
    case "WaitUntilStep":
      return {
        kind: "waitUntil",
        condition: lowerExpr(step.condition, model),
        ...(step.timeout ? { timeout: lowerDuration(step.timeout) } : {}),
      };
    case "IfStep":
      return {
        kind: "if",
        condition: lowerExpr(step.condition, model),
        then: lowerSteps(step.then, model, recordEntity),
        else: lowerSteps(step.else ?? [], model, recordEntity),
      };
    case "StopStep":
      return { kind: "stop" };
  }
}
