// The typed syntax tree of Stagecraft. Every node carries the span it was parsed
// from, so diagnostics derive their position from a node, never from
// hand-computed offsets. Nodes rebuilt by error recovery are marked `missing`;
// checks skip them instead of reporting on invented values.

// Positions and ranges (0-based offset, 1-based line and column) are what diagnostics carry.
export type { SourcePosition, SourceRange } from "../diagnostics/diagnostic";

/**
 * Where a node is: the offsets of its first character and just past its last
 * (0-based, in UTF-16 code units, as the editor counts). Lines and columns are
 * found only when a diagnostic or a source location needs them, from the file's
 * `lineStarts` (`positionAt` in grammar/lines.ts). Two numbers on the node, not a
 * range object: a large file has hundreds of thousands of nodes, and a separate
 * object for each one's place would be a large share of the tree and of the
 * garbage collector's work.
 */
export interface Span {
  start: number;
  end: number;
}

export interface NodeBase extends Span {
  /** True when the parser invented this node while recovering from a syntax error. */
  missing?: boolean;
}

/** A name written in the source (identifier or quoted string) with its own span. */
export interface Name extends NodeBase {
  kind: "Name";
  text: string;
  /** How it was written: bare identifier or quoted string. */
  quoted: boolean;
}

export interface Comment extends Span {
  text: string; // including the leading `//`
}

export interface SourceFile extends NodeBase {
  kind: "SourceFile";
  path: string;
  /**
   * How a person finds the file (the path given on the command line, folder
   * included) when that differs from `path`: messages that point into another
   * file name it so. Set by the checker's caller, not by the parser.
   */
  location?: string;
  items: TopLevelItem[];
  /** Every `//` comment in the file, in source order (the formatter keeps them). */
  comments: Comment[];
  /** The offset where each line starts (line 1 at index 0): lines and columns of spans. */
  lineStarts: number[];
}

export type TopLevelItem =
  | CalendarDecl
  | EntityDecl
  | TemplateDecl
  | TeamDecl
  | EventDecl
  | RuleDecl
  | WorkflowDecl
  | TestDecl;

// ---------------------------------------------------------------- declarations

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface CalendarDecl extends NodeBase {
  kind: "CalendarDecl";
  settings: CalendarSetting[];
}

export type CalendarSetting =
  | { kind: "Timezone"; start: number; end: number; zone: Name }
  | { kind: "Workdays"; start: number; end: number; days: Name[] }
  | { kind: "Hours"; start: number; end: number; from: TimeOfDay; to: TimeOfDay }
  | { kind: "Holiday"; start: number; end: number; date: DateLiteral };

export interface TimeOfDay extends NodeBase {
  kind: "TimeOfDay";
  hour: number;
  minute: number;
  text: string; // as written, e.g. "09:00"
}

export interface DateLiteral extends NodeBase {
  kind: "DateLiteral";
  text: string; // YYYY-MM-DD
}

export interface DateTimeLiteral extends NodeBase {
  kind: "DateTimeLiteral";
  text: string; // ISO 8601 as written
}

export interface EntityDecl extends NodeBase {
  kind: "EntityDecl";
  name: Name;
  fields: FieldDecl[];
  pipeline?: PipelineDecl;
}

export interface FieldDecl extends NodeBase {
  kind: "FieldDecl";
  name: Name;
  type: TypeRef;
  optional: boolean;
}

/** `text`, `money`, `enum(a, b)`, or a reference to another entity (`contact`). */
export type TypeRef =
  | { kind: "NamedType"; start: number; end: number; missing?: boolean; name: Name }
  | { kind: "EnumType"; start: number; end: number; missing?: boolean; values: Name[] };

export interface PipelineDecl extends NodeBase {
  kind: "PipelineDecl";
  parallel: boolean;
  stages: StageDecl[];
}

export interface StageDecl extends NodeBase {
  kind: "StageDecl";
  name: Name;
  outcome?: "won" | "lost";
}

export type TemplateKind = "email" | "sms" | "task" | "report";

export interface TemplateDecl extends NodeBase {
  kind: "TemplateDecl";
  templateKind: Name; // email | sms | task | report (checked by the compiler)
  name: Name;
  /** `template sms "R" "text"`: the single body string. */
  text?: StringLiteral;
  /** `{ subject "…" body "…" }` / `{ type call description "…" due 1 day }`. */
  properties: TemplateProperty[];
}

export interface TemplateProperty extends NodeBase {
  kind: "TemplateProperty";
  key: Name;
  value: StringLiteral | Name | Duration;
}

export interface TeamDecl extends NodeBase {
  kind: "TeamDecl";
  name: Name;
  members: StringLiteral[];
  /** `"ana@solar.example" { region: north }`: the attributes written after a member, in member order. */
  attributes: MemberAttributes[];
}

/** The attributes of one team member, which `assign … where` matches against. */
export interface MemberAttributes extends NodeBase {
  kind: "MemberAttributes";
  /** The member's index in `TeamDecl.members`. */
  member: number;
  fields: TestField[];
}

export interface EventDecl extends NodeBase {
  kind: "EventDecl";
  name: Name; // quoted, e.g. "webinar.attended"
  fields: FieldDecl[];
}

// ---------------------------------------------------------------- rules

export interface RuleDecl extends NodeBase {
  kind: "RuleDecl";
  /** `rule "Name": on …` */
  name?: Name;
  subject: Subject;
  delay?: Delay;
  condition?: Expr;
  /** `-> action` gives one action with `block: false`; `{ … }` gives many. */
  actions: Action[];
  block: boolean;
}

/** `[entity] stage "S" open|close`, `entity created`, `entity invoice.paid`, `entity becomes <expr>`. */
export type Subject = StageSubject | LifecycleSubject | EventSubject | BecomesSubject;

export interface StageSubject extends NodeBase {
  kind: "StageSubject";
  entity?: Name;
  stage: Name;
  edge: "open" | "close";
}

export interface LifecycleSubject extends NodeBase {
  kind: "LifecycleSubject";
  entity: Name;
  event: "created" | "updated" | "deleted";
}

export interface EventSubject extends NodeBase {
  kind: "EventSubject";
  entity: Name;
  /** Dotted (`invoice.paid`) or quoted (`"webinar.attended"`). */
  event: Name;
}

export interface BecomesSubject extends NodeBase {
  kind: "BecomesSubject";
  entity: Name;
  condition: Expr;
}

export type DurationUnit = "minutes" | "hours" | "days" | "weeks" | "business_days";

export interface Duration extends NodeBase {
  kind: "Duration";
  amount: number;
  unit: DurationUnit;
  /** The unit as written (`day`, `days`, `business days`), for the formatter. */
  unitText: string;
}

/** `D [at HH:MM] [within working hours]`: when a rule's delay or a workflow's wait comes due. */
export interface Timing {
  duration: Duration;
  at?: TimeOfDay;
  withinWorkingHours: boolean;
}

/** `after D [at HH:MM] [within working hours]` */
export interface Delay extends NodeBase, Timing {
  kind: "Delay";
}

// ---------------------------------------------------------------- actions

/** Who receives: a field path (`contact`, `installer`, `lead.contact`), `responsible`, or a quoted user. */
export type Recipient = PathExpr | StringLiteral;

export type Action =
  | OpenAction
  | CloseAction
  | MoveAction
  | SendEmailAction
  | SendSmsAction
  | CreateTaskAction
  | CreateActivityAction
  | AssignAction
  | SetAction
  | CreateRecordAction
  | GenerateReportAction
  | RequestSignatureAction
  | NotifyAction
  | ForEachAction;

export interface OpenAction extends NodeBase { kind: "OpenAction"; stage: Name }
export interface CloseAction extends NodeBase { kind: "CloseAction"; stage: Name }

export interface MoveAction extends NodeBase {
  kind: "MoveAction";
  /** `move lead to "X"`: a reference field path; absent for the rule's own record. */
  target?: PathExpr;
  stage: Name;
  allowBack: boolean;
  as?: StringLiteral;
}

export interface SendEmailAction extends NodeBase {
  kind: "SendEmailAction";
  template: Name;
  to: Recipient;
  cc?: Recipient;
}

export interface SendSmsAction extends NodeBase {
  kind: "SendSmsAction";
  template: Name;
  to: Recipient;
}

export interface CreateTaskAction extends NodeBase {
  kind: "CreateTaskAction";
  template: Name;
  for?: Recipient;
}

export interface CreateActivityAction extends NodeBase {
  kind: "CreateActivityAction";
  activityKind: Name; // call, meeting, … (free identifier)
  text: StringLiteral;
}

export interface AssignAction extends NodeBase {
  kind: "AssignAction";
  field: PathExpr;
  team: Name;
  strategy: "round_robin" | "least_loaded";
  /** False when the strategy was left to its default (round robin). */
  strategyWritten: boolean;
  /** `where region == region and …`: members whose attributes equal these values. */
  criteria: AssignCriterion[];
}

/** `ATTRIBUTE == VALUE` after `where`: a member attribute, and a value of the rule's record. */
export interface AssignCriterion extends NodeBase {
  kind: "AssignCriterion";
  attribute: Name;
  value: Expr;
}

/**
 * `for each deal [by FIELD] of contact { … }`: the block's actions run on each
 * record of `entity` whose reference field (`by`, or its only one to `of`'s
 * entity) refers to the rule's record.
 */
export interface ForEachAction extends NodeBase {
  kind: "ForEachAction";
  entity: Name;
  by?: Name;
  of: Name;
  actions: Action[];
}

export interface SetAction extends NodeBase {
  kind: "SetAction";
  field: PathExpr;
  value: Expr;
}

export interface CreateRecordAction extends NodeBase {
  kind: "CreateRecordAction";
  entity: Name;
  fields: FieldAssignment[];
  /** `with { }` was written (even if empty). */
  withWritten: boolean;
}

export interface FieldAssignment extends NodeBase {
  kind: "FieldAssignment";
  name: Name;
  value: Expr;
}

export interface GenerateReportAction extends NodeBase {
  kind: "GenerateReportAction";
  template: Name;
  email?: { template: Name; to: Recipient; start: number; end: number };
}

export interface RequestSignatureAction extends NodeBase {
  kind: "RequestSignatureAction";
  template: Name;
  from: Recipient;
}

export interface NotifyAction extends NodeBase {
  kind: "NotifyAction";
  to: Recipient;
  text: StringLiteral;
}

// ---------------------------------------------------------------- workflows

export interface WorkflowDecl extends NodeBase {
  kind: "WorkflowDecl";
  name: Name;
  /** `per deal|contact`; absent means the default (`per` the enrolling record). */
  per?: Name;
  reentry: boolean;
  enrollments: Enrollment[];
  /** `exit when …` goals, in written order. */
  exits: ExitGoal[];
  steps: Step[];
}

/** `exit when <expr>`: a goal; the instance leaves as soon as it holds. */
export interface ExitGoal extends NodeBase {
  kind: "ExitGoal";
  condition: Expr;
}

/** `enroll on <subject> [when <expr>]` */
export interface Enrollment extends NodeBase {
  kind: "Enrollment";
  subject: Subject;
  condition?: Expr;
}

export type Step = ActionStep | WaitStep | WaitUntilStep | IfStep | StopStep;

export interface ActionStep extends NodeBase { kind: "ActionStep"; action: Action }
/** `wait D [at HH:MM] [within working hours]` */
export interface WaitStep extends NodeBase, Timing { kind: "WaitStep" }
export interface WaitUntilStep extends NodeBase {
  kind: "WaitUntilStep";
  condition: Expr;
  timeout?: Duration;
}
export interface IfStep extends NodeBase {
  kind: "IfStep";
  condition: Expr;
  then: Step[];
  else?: Step[];
}
export interface StopStep extends NodeBase { kind: "StopStep" }

// ---------------------------------------------------------------- tests

/**
 * ```
 * test "Docs reminder after four days" {
 *   at 2026-01-01T09:30+01:00 "deal/S1" stage.opened { stage: "Documentation pending" }
 *   until 2026-01-10T00:00Z
 *   expect email.send "deal/S1" { template: "Docs reminder", to: "contact/C1" } at 2026-01-05T08:30Z
 *   expect no sms.send
 * }
 * ```
 */
export interface TestDecl extends NodeBase {
  kind: "TestDecl";
  name: Name;
  statements: TestStatement[];
}

export type TestStatement = TestEvent | TestUntil | TestExpect;

/** `at <datetime> "<type/id>" <event-type> [{ field: value, … }]` — one input event. */
export interface TestEvent extends NodeBase {
  kind: "TestEvent";
  at: DateTimeLiteral;
  record: StringLiteral;
  eventType: Name; // created, updated, stage.opened, invoice.paid, "webinar.attended"
  data: TestField[];
}

/** `until <datetime>`: fire timers due up to then after the last event. */
export interface TestUntil extends NodeBase {
  kind: "TestUntil";
  at: DateTimeLiteral;
}

/** `expect [no | N] <output> [before <output>]` */
export interface TestExpect extends NodeBase {
  kind: "TestExpect";
  negated: boolean;
  /** `expect 2 email.send …`: exactly this many outputs match. */
  count?: NumberLiteral;
  output: TestOutput;
  /** `expect A before B`: an output matching `output` comes before the first matching this. */
  before?: TestOutput;
}

/** `<output-type> ["<type/id>"] [{ field: value, … }] [by rule|workflow "Name"] [at <datetime>]`: outputs an `expect` matches. */
export interface TestOutput extends NodeBase {
  kind: "TestOutput";
  outputType: Name; // email.send, stage.opened, updated, …
  record?: StringLiteral;
  data: TestField[];
  /** `by rule "R"` / `by workflow "W"`: outputs that rule or workflow made. */
  by?: { what: "rule" | "workflow"; name: StringLiteral };
  at?: DateTimeLiteral;
}

export interface TestField extends NodeBase {
  kind: "TestField";
  name: Name;
  value: Literal;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | BinaryExpr
  | UnaryExpr
  | InExpr
  | PathExpr
  | Literal
  | ThisExpr
  | NoneExpr
  | CallExpr
  | IsOpenExpr
  | ListExpr
  | ErrorExpr;

export type BinaryOperator =
  | "and" | "or"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "+" | "-" | "*" | "/";

export interface BinaryExpr extends NodeBase {
  kind: "BinaryExpr";
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends NodeBase {
  kind: "UnaryExpr";
  operator: "not" | "-";
  operand: Expr;
}

/** `channel in [web, partner]`, or `channel not in [web, partner]` when negated */
export interface InExpr extends NodeBase {
  kind: "InExpr";
  value: Expr;
  options: ListExpr;
  /** Written `not in`: means exactly `not (value in [...])`, lowered to that. */
  negated: boolean;
}

export interface ListExpr extends NodeBase {
  kind: "ListExpr";
  items: Expr[];
}

/**
 * A field path (`amount`, `contact.name`, `stage`, `responsible`), an enum value
 * (`web`: the checker decides which from the expected type), or the triggering
 * event's payload (`event.amount`, first segment `event`).
 */
export interface PathExpr extends NodeBase {
  kind: "PathExpr";
  segments: Name[];
}

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | DateLiteral | DateTimeLiteral;

export interface StringLiteral extends NodeBase {
  kind: "StringLiteral";
  /** The value with escapes resolved. */
  value: string;
}

export interface NumberLiteral extends NodeBase {
  kind: "NumberLiteral";
  value: number;
  text: string;
}

export interface BooleanLiteral extends NodeBase {
  kind: "BooleanLiteral";
  value: boolean;
}

export interface ThisExpr extends NodeBase { kind: "ThisExpr" }
export interface NoneExpr extends NodeBase { kind: "NoneExpr" }

/** `changed(amount)`, `previous(stage)`, and catalog functions from stdlib. */
export interface CallExpr extends NodeBase {
  kind: "CallExpr";
  callee: Name;
  args: Expr[];
}

/** `is open "S"` — true when stage S is open (any pipeline kind). */
export interface IsOpenExpr extends NodeBase {
  kind: "IsOpenExpr";
  stage: Name;
}

/** Stands in for an expression the parser could not read (always `missing`). */
export interface ErrorExpr extends NodeBase {
  kind: "ErrorExpr";
}

export type AstNode =
  | SourceFile
  | TopLevelItem
  | FieldDecl
  | PipelineDecl
  | StageDecl
  | TemplateProperty
  | Enrollment
  | ExitGoal
  | Step
  | Action
  | Subject
  | Delay
  | Duration
  | Expr
  | FieldAssignment
  | AssignCriterion
  | MemberAttributes
  | TestStatement
  | TestField
  | TestOutput
  | Name
  | TimeOfDay;
