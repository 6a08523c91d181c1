// The intermediate representation: the checked program lowered to plain,
// serialisable data. It is the runtime's input and the only thing the runtime
// sees, so its types live here, in runtime/, and the compiler imports them.
// Everything is already resolved: names are checked, entity-less stages carry
// their entity, enum values are string literals, templates carry their
// placeholders. Arrays keep declaration order (rule order is semantic).

/** 2: rules and workflows carry their identity (`id`). */
export const IR_VERSION = 2;

export interface Program {
  version: typeof IR_VERSION;
  calendar: Calendar;
  /** In declaration order (files in the order given, then line order). */
  entities: EntityDef[];
  templates: TemplateDef[];
  teams: TeamDef[];
  /** Activity events that input may carry: the stdlib catalog plus `event` declarations. */
  events: EventDef[];
  /** In declaration order: matching rules run in this order. */
  rules: RuleDef[];
  workflows: WorkflowDef[];
  tests: TestDef[];
}

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: Monday = 1 (luxon's `weekday`)

export interface Calendar {
  /** IANA zone; "UTC" when the rules declare no calendar. */
  timezone: string;
  workdays: Weekday[];
  /** Working hours as minutes after local midnight, e.g. 540..1080 for 09:00..18:00. */
  hours: { from: number; to: number };
  /** Local dates YYYY-MM-DD. */
  holidays: string[];
}

// ---------------------------------------------------------------- schema

export type FieldType =
  | { kind: "text" | "number" | "money" | "bool" | "date" | "datetime" | "email" | "phone" | "user" }
  | { kind: "enum"; values: string[] }
  | { kind: "ref"; entity: string };

export interface FieldDef {
  name: string;
  type: FieldType;
  optional: boolean;
}

export interface StageDef {
  name: string;
  outcome?: "won" | "lost";
}

export interface PipelineDef {
  /** sequential: exactly one stage open; parallel: substates, any number open. */
  kind: "sequential" | "parallel";
  /** In pipeline order (forward-only moves compare these indexes). */
  stages: StageDef[];
}

export interface EntityDef {
  name: string;
  /** Declared fields only; `id`, `stage` and `responsible: user?` are implicit on every entity. */
  fields: FieldDef[];
  pipeline?: PipelineDef;
}

export interface EventDef {
  name: string; // "invoice.paid", "webinar.attended"
  fields: FieldDef[];
  /** True for `event` declarations in the rules, false for the stdlib catalog. */
  declared: boolean;
}

// ---------------------------------------------------------------- templates

/** A text with `{path}` placeholders, split so the runtime never re-parses it; `default` is what none prints. */
export type TemplateText = Array<string | { path: string[]; default?: string }>;

export interface TemplateDef {
  kind: "email" | "sms" | "task" | "report";
  name: string;
  /** subject/body for email, text for sms, description for task; strings or durations for others. */
  properties: Record<string, TemplateText>;
  /** `due 1 day` of a task template. */
  due?: Duration;
  /** `type call` of a task template. */
  taskType?: string;
}

export interface TeamDef {
  name: string;
  /** In declaration order: round robin and least-loaded tie-breaks follow it. */
  members: string[];
  /** Each member's attributes, by position in `members`; absent when no member has any. */
  attributes?: Record<string, Value>[];
}

/** A member qualifies when its `attribute` equals the value, read from the rule's record. */
export interface AssignCriterion {
  attribute: string;
  value: Expr;
}

// ---------------------------------------------------------------- rules

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface RuleDef {
  /**
   * The rule's stable identity (runtime/program/identity.ts): its name, or for an unnamed
   * rule a digest of what it does. What outlives a run refers to the rule by it.
   */
  id: string;
  /** The rule's name, or `file:line` when unnamed. Output `rule` field. */
  name: string;
  /** Position of the rule's first token (trace, explain). */
  location: SourceLocation;
  /** The entity type whose records this rule watches. */
  entity: string;
  trigger: Trigger;
  delay?: Delay;
  /**
   * Evaluated when the rule would fire: at once, or, for a delayed rule, when its
   * timer is due (against the record's values then; `changed`/`previous` refer to
   * the event that scheduled it).
   */
  condition?: Expr;
  actions: Action[];
}

export type Trigger =
  | { kind: "stage"; stage: string; edge: "open" | "close" }
  | { kind: "lifecycle"; event: "created" | "updated" | "deleted" }
  | { kind: "event"; event: string }
  /** Fires when `condition` turns from false to true on a record (after any change to it). */
  | { kind: "becomes"; condition: Expr };

export type DurationUnit = "minutes" | "hours" | "days" | "weeks" | "business_days";

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface Delay {
  duration: Duration;
  /** Local time of day in minutes after midnight: the due time moves to it (same day, or the next when passed). */
  at?: number;
  /** Moves the due time to the next opening of the calendar's working hours. */
  withinWorkingHours: boolean;
}

// ---------------------------------------------------------------- expressions

/** Values at run time: strings (also references `type/id`, dates, datetimes ISO), numbers, booleans, null for none. */
export type Value = string | number | boolean | null;

export type Expr =
  | { kind: "literal"; value: Value }
  /** A field of the rule's record, following references: ["contact", "name"]. ["stage"], ["id"], ["responsible"] are implicit fields. */
  | { kind: "field"; path: string[] }
  /** A payload field of the triggering activity event (`event.amount`). */
  | { kind: "eventField"; field: string }
  /** The rule's record as a reference value `type/id`. */
  | { kind: "this" }
  | { kind: "not"; operand: Expr }
  | { kind: "negate"; operand: Expr }
  | { kind: "and" | "or"; left: Expr; right: Expr }
  | { kind: "compare"; op: "==" | "!=" | "<" | "<=" | ">" | ">="; left: Expr; right: Expr }
  | { kind: "arithmetic"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr }
  | { kind: "in"; value: Expr; options: Expr[] }
  /** True when the triggering change (an `updated`, or a creation) set this field of the record. */
  | { kind: "changed"; field: string }
  /** The field's value before the triggering change. */
  | { kind: "previous"; field: string }
  | { kind: "isOpen"; stage: string }
  /** A text literal with `{path}` placeholders written to a field (`set`, `create`): filled from the rule's record as `notify` texts are. */
  | { kind: "text"; parts: TemplateText }
  /** A stdlib function (see stdlib/functions.ts) by name. */
  | { kind: "call"; fn: string; args: Expr[] };

// ---------------------------------------------------------------- actions

export type Recipient =
  /** A field path of the rule's record (contact, user or email typed), `["responsible"]` included. */
  | { kind: "field"; path: string[] }
  /** A quoted user, e.g. "alice@solar.example". */
  | { kind: "user"; user: string };

export type Action =
  | { kind: "open"; stage: string }
  | { kind: "close"; stage: string }
  /** `move [target] to "S" [allow back] [as "u"]`; target: a reference field path, absent = the record itself. */
  | { kind: "move"; target?: string[]; targetEntity: string; stage: string; allowBack: boolean; as?: string }
  | { kind: "sendEmail"; template: string; to: Recipient; cc?: Recipient }
  | { kind: "sendSms"; template: string; to: Recipient }
  | { kind: "createTask"; template: string; for?: Recipient }
  | { kind: "createActivity"; activityKind: string; text: TemplateText }
  /** `assign f from team [where attribute == value …] …`; where: absent when every member qualifies. */
  | { kind: "assign"; field: string; team: string; strategy: "round_robin" | "least_loaded"; where?: AssignCriterion[] }
  /** `set [target.]field = value`; target: a reference field path to the record changed, absent = the record itself. */
  | { kind: "set"; field: string; value: Expr; target?: string[] }
  | { kind: "create"; entity: string; fields: Array<{ name: string; value: Expr }> }
  /** `for each`: `actions` run on each record of `entity` whose reference `field` refers to the acting record, in ref order. */
  | { kind: "forEach"; entity: string; field: string; actions: Action[] }
  | { kind: "generateReport"; template: string; email?: { template: string; to: Recipient } }
  | { kind: "requestSignature"; template: string; from: Recipient }
  | { kind: "notify"; to: Recipient; text: TemplateText };

// ---------------------------------------------------------------- workflows

export interface WorkflowDef {
  /** The workflow's stable identity: its name (runtime/program/identity.ts). */
  id: string;
  name: string;
  location: SourceLocation;
  /** The entity instances are keyed by (`per deal` / `per contact`). */
  per: string;
  reentry: boolean;
  enrollments: Enrollment[];
  /** `exit when` goals: an instance leaves as soon as one holds (absent when there are none). */
  exits?: Expr[];
  steps: Step[];
  /**
   * Where each step is written, in pre-order (a step, then its `then` steps,
   * then its `else` steps): step N of coverage reports. Kept apart from the
   * steps so a workflow's behaviour digest ignores positions.
   */
  stepLocations?: SourceLocation[];
}

export interface Enrollment {
  /** The entity whose events enroll (the instance's bound record type). */
  entity: string;
  trigger: Trigger;
  condition?: Expr;
  /**
   * How to find the instance key from the enrolling record: `null` when `per` is
   * the enrolling entity itself (key = the record), else the reference field
   * that holds the key record (e.g. "contact").
   */
  keyField: string | null;
}

export type Step =
  | { kind: "action"; action: Action }
  /** `wait D [at HH:MM] [within working hours]`: due as a rule's delay of the same parts is. */
  | { kind: "wait"; duration: Duration; at?: number; withinWorkingHours?: boolean }
  | { kind: "waitUntil"; condition: Expr; timeout?: Duration }
  | { kind: "if"; condition: Expr; then: Step[]; else: Step[] }
  | { kind: "stop" };

// ---------------------------------------------------------------- tests

/** An input event, as in docs/contract.md (also what the runtime validates input lines into). */
export interface InputEvent {
  id: string;
  at: string; // ISO 8601 with offset or Z
  entity: string; // type/id
  type: string;
  data?: Record<string, Value>;
}

export interface TestDef {
  name: string;
  location: SourceLocation;
  events: InputEvent[];
  /** Where each of `events` is written; failures point there (absent: at the test). */
  eventLocations?: SourceLocation[];
  until?: string;
  untilLocation?: SourceLocation;
  expectations: TestExpectation[];
}

/** The outputs an expectation is about. */
export interface OutputPattern {
  type: string;
  entity?: string;
  /** Subset match against the output's data. */
  data: Record<string, Value>;
  /** `by rule "R"` / `by workflow "W"`: the output's `rule`, the name of what made it. */
  rule?: string;
  /** Expected UTC time (normalised ISO) of the output. */
  at?: string;
}

export interface TestExpectation extends OutputPattern {
  location: SourceLocation;
  negated: boolean;
  /** `expect N …`: exactly this many outputs match. */
  count?: number;
  /** `expect A before B`: an output matching A comes before the first matching this. */
  before?: OutputPattern;
}
