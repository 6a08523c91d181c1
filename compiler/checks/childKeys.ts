// Where each kind of node keeps its child nodes, in source order. The checker's
// walk reads only these fields instead of every field of every object (most
// fields are text and numbers). The mapped type makes a new node kind
// fail to compile until it is listed; test/compiler/checks/walk.test.ts compares
// the walk with a look at every field, to catch a new child field on an old kind.
import type { CheckableNode, NodeKind, NodeOfKind } from "./context";

type ChildKey<K extends NodeKind> = Exclude<keyof NodeOfKind<K>, "kind" | "start" | "end" | "missing">;

export const childKeys: { readonly [K in NodeKind]: readonly ChildKey<K>[] } = {
  SourceFile: ["items"],
  CalendarDecl: ["settings"],
  Timezone: ["zone"],
  Workdays: ["days"],
  Hours: ["from", "to"],
  Holiday: ["date"],
  EntityDecl: ["name", "fields", "pipeline"],
  FieldDecl: ["name", "type"],
  NamedType: ["name"],
  EnumType: ["values"],
  PipelineDecl: ["stages"],
  StageDecl: ["name"],
  TemplateDecl: ["templateKind", "name", "text", "properties"],
  TemplateProperty: ["key", "value"],
  TeamDecl: ["name", "members"],
  EventDecl: ["name", "fields"],
  RuleDecl: ["name", "subject", "delay", "condition", "actions"],
  StageSubject: ["entity", "stage"],
  LifecycleSubject: ["entity"],
  EventSubject: ["entity", "event"],
  BecomesSubject: ["entity", "condition"],
  Duration: [],
  Delay: ["duration", "at"],
  OpenAction: ["stage"],
  CloseAction: ["stage"],
  MoveAction: ["target", "stage", "as"],
  SendEmailAction: ["template", "to", "cc"],
  SendSmsAction: ["template", "to"],
  CreateTaskAction: ["template", "for"],
  CreateActivityAction: ["activityKind", "text"],
  AssignAction: ["field", "team"],
  SetAction: ["field", "value"],
  CreateRecordAction: ["entity", "fields"],
  FieldAssignment: ["name", "value"],
  GenerateReportAction: ["template", "email"],
  RequestSignatureAction: ["template", "from"],
  NotifyAction: ["to", "text"],
  WorkflowDecl: ["name", "per", "enrollments", "steps"],
  Enrollment: ["subject", "condition"],
  ActionStep: ["action"],
  WaitStep: ["duration"],
  WaitUntilStep: ["condition", "timeout"],
  IfStep: ["condition", "then", "else"],
  StopStep: [],
  TestDecl: ["name", "statements"],
  TestEvent: ["at", "record", "eventType", "data"],
  TestUntil: ["at"],
  TestExpect: ["outputType", "record", "data", "at"],
  TestField: ["name", "value"],
  BinaryExpr: ["left", "right"],
  UnaryExpr: ["operand"],
  InExpr: ["value", "options"],
  ListExpr: ["items"],
  PathExpr: ["segments"],
  StringLiteral: [],
  NumberLiteral: [],
  BooleanLiteral: [],
  DateLiteral: [],
  DateTimeLiteral: [],
  ThisExpr: [],
  NoneExpr: [],
  CallExpr: ["callee", "args"],
  IsOpenExpr: ["stage"],
  ErrorExpr: [],
  Name: [],
  TimeOfDay: [],
};

/** The child fields of a node, or undefined for a kind this table does not know. */
export function childKeysOf(node: CheckableNode): readonly string[] | undefined {
  return (childKeys as Record<string, readonly string[] | undefined>)[node.kind];
}
