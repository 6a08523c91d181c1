// Every check, in the order their diagnostics are produced (ties at one position
// keep this order). Adding a diagnostic: one check file, one test, one line here,
// its code and messages in diagnostics/ (then `npm run docs:diagnostics`).
import { AssignCheck } from "./assign-check";
import { AssignCriteriaCheck } from "./assign-criteria-check";
import { CalendarCheck } from "./calendar-check";
import { ConditionTypeCheck } from "./condition-type-check";
import type { Check } from "./context";
import { DateTimeCheck } from "./date-time-check";
import { DuplicateDeclarationCheck } from "./duplicate-declaration-check";
import { DurationCheck } from "./duration-check";
import { EnumValueCheck } from "./enum-value-check";
import { EventCheck } from "./event-check";
import { FieldValueCheck } from "./field-value-check";
import { FunctionCallCheck } from "./function-call-check";
import { ForEachCheck } from "./for-each-check";
import { MoveCheck } from "./move-check";
import { NamedRuleHintCheck } from "./named-rule-hint-check";
import { NeverFiresCheck } from "./never-fires-check";
import { OperatorTypeCheck } from "./operator-type-check";
import { PipelineActionCheck } from "./pipeline-action-check";
import { RecipientCheck } from "./recipient-check";
import { RuleCycleCheck } from "./rule-cycle-check";
import { StageReferenceCheck } from "./stage-reference-check";
import { TeamMemberCheck } from "./team-member-check";
import { TemplateCheck } from "./template-check";
import { TestBlockCheck } from "./test-block-check";
import { TestEventCheck } from "./test-event-check";
import { TestExpectCheck } from "./test-expect-check";
import { TestExpectFormCheck } from "./test-expect-form-check";
import { TimeOfDayCheck } from "./time-of-day-check";
import { UnknownEntityCheck } from "./unknown-entity-check";
import { UnknownFieldCheck } from "./unknown-field-check";
import { UnknownTeamCheck } from "./unknown-team-check";
import { WorkflowCheck } from "./workflow-check";
import { WorkingTimeCheck } from "./working-time-check";

export const specifiedChecks: readonly Check[] = [
  UnknownEntityCheck,
  UnknownFieldCheck,
  StageReferenceCheck,
  TemplateCheck,
  UnknownTeamCheck,
  EventCheck,
  EnumValueCheck,
  FunctionCallCheck,
  DuplicateDeclarationCheck,
  ConditionTypeCheck,
  OperatorTypeCheck,
  FieldValueCheck,
  AssignCheck,
  AssignCriteriaCheck,
  PipelineActionCheck,
  MoveCheck,
  ForEachCheck,
  RecipientCheck,
  DurationCheck,
  TimeOfDayCheck,
  CalendarCheck,
  WorkingTimeCheck,
  DateTimeCheck,
  TeamMemberCheck,
  WorkflowCheck,
  NeverFiresCheck,
  RuleCycleCheck,
  TestBlockCheck,
  TestEventCheck,
  TestExpectCheck,
  TestExpectFormCheck,
];

/** Checks whose diagnostics are hints: run only when hints are asked for (editors). */
export const hintChecks: readonly Check[] = [NamedRuleHintCheck];
