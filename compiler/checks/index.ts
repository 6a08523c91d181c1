// Every check, in the order their diagnostics are produced (ties at one position
// keep this order). Adding a diagnostic: one check file, one test, one line here,
// its code and messages in diagnostics/ (then `npm run docs:diagnostics`).
import { AssignCheck } from "./AssignCheck";
import { CalendarCheck } from "./CalendarCheck";
import { ConditionTypeCheck } from "./ConditionTypeCheck";
import type { Check } from "./context";
import { DateTimeCheck } from "./DateTimeCheck";
import { DuplicateDeclarationCheck } from "./DuplicateDeclarationCheck";
import { DurationCheck } from "./DurationCheck";
import { EnumValueCheck } from "./EnumValueCheck";
import { EventCheck } from "./EventCheck";
import { FieldValueCheck } from "./FieldValueCheck";
import { FunctionCallCheck } from "./FunctionCallCheck";
import { MoveCheck } from "./MoveCheck";
import { NeverFiresCheck } from "./NeverFiresCheck";
import { OperatorTypeCheck } from "./OperatorTypeCheck";
import { PipelineActionCheck } from "./PipelineActionCheck";
import { RecipientCheck } from "./RecipientCheck";
import { RuleCycleCheck } from "./RuleCycleCheck";
import { StageReferenceCheck } from "./StageReferenceCheck";
import { TeamMemberCheck } from "./TeamMemberCheck";
import { TemplateCheck } from "./TemplateCheck";
import { TestBlockCheck } from "./TestBlockCheck";
import { TimeOfDayCheck } from "./TimeOfDayCheck";
import { UnknownEntityCheck } from "./UnknownEntityCheck";
import { UnknownFieldCheck } from "./UnknownFieldCheck";
import { UnknownTeamCheck } from "./UnknownTeamCheck";
import { WorkflowCheck } from "./WorkflowCheck";
import { WorkingTimeCheck } from "./WorkingTimeCheck";

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
  PipelineActionCheck,
  MoveCheck,
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
];
