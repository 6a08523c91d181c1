// The checked model: every name of the rule set resolved once, so lowering and
// the formatter read answers instead of re-deriving them. Symbol tables are keyed
// by name; per-node results are keyed by the syntax-tree node itself (identity),
// so a consumer walks its own AST and looks nodes up here.
import type * as ast from "../grammar/ast";
import type { FieldType, TemplateText, Weekday } from "../runtime/program/ir";

// ---------------------------------------------------------------- types of values

/**
 * The type of an expression. Field types (IR `FieldType`) plus what only
 * expressions have: `stage` (the implicit stage field, compared with stage
 * names), `none`, list literals, and `unknown` for anything that did not resolve
 * (checks stay silent about `unknown` so one mistake gives one diagnostic).
 */
export type ValueType =
  | FieldType
  | { kind: "stage"; entity: string }
  | { kind: "none" }
  | { kind: "list"; item: ValueType }
  | { kind: "unknown" };

// ---------------------------------------------------------------- symbols

export interface FieldSymbol {
  name: string;
  /** Unknown when the declaration names a type that is neither primitive nor an entity (reported once, SC2001). */
  type: FieldType | { kind: "stage"; entity: string } | { kind: "unknown" };
  optional: boolean;
  /** `id`, `stage`, `responsible`: present on every entity, not declared. */
  implicit: boolean;
  /** Absent for implicit fields and stdlib event payload fields. */
  decl?: ast.FieldDecl;
}

export interface StageSymbol {
  name: string;
  /** The entity whose pipeline declares it. */
  entity: string;
  /** Position in pipeline order (forward-only moves compare these). */
  index: number;
  outcome?: "won" | "lost";
  decl: ast.StageDecl;
}

export interface PipelineSymbol {
  kind: "sequential" | "parallel";
  /** In pipeline order. */
  stages: StageSymbol[];
  stagesByName: Map<string, StageSymbol>;
  decl: ast.PipelineDecl;
}

export interface EntitySymbol {
  name: string;
  file: string;
  decl: ast.EntityDecl;
  /** Declared fields in declaration order, then implicit `id`, `stage`, `responsible`. */
  fields: Map<string, FieldSymbol>;
  pipeline?: PipelineSymbol;
}

export type TemplateKind = ast.TemplateKind;

export interface TemplatePlaceholder {
  /** `{contact.name}` → ["contact", "name"]. */
  path: string[];
  /** The placeholder as written, braces (and default) included: where diagnostics find it in the literal. */
  written: string;
  /** The property it appears in (`subject`, `body`, `text`, `description`). */
  property: string;
  /** The string literal that contains it (diagnostics point here). */
  node: ast.StringLiteral;
}

export interface TemplateSymbol {
  kind: TemplateKind;
  name: string;
  file: string;
  decl: ast.TemplateDecl;
  /** String properties split at placeholders; an sms template's single text is `text`. */
  properties: Map<string, TemplateText>;
  placeholders: TemplatePlaceholder[];
  /** `due 1 day` of a task template. */
  due?: ast.Duration;
  /** `type call` of a task template. */
  taskType?: string;
}

export interface TeamSymbol {
  name: string;
  file: string;
  decl: ast.TeamDecl;
  members: string[];
}

export interface EventSymbol {
  name: string;
  fields: Map<string, FieldSymbol>;
  /** One line, shown on hover in the playground. */
  doc: string;
  /** True for `event` declarations in the rules, false for the stdlib catalog. */
  declared: boolean;
  decl?: ast.EventDecl;
}

export interface CalendarSymbol {
  /** IANA zone; "UTC" when the rules declare no calendar. */
  timezone: string;
  /** ISO weekdays, Monday = 1; Monday to Friday when not declared. */
  workdays: Weekday[];
  /** Minutes after local midnight; 09:00..18:00 when not declared. */
  hours: { from: number; to: number };
  /** Local dates YYYY-MM-DD. */
  holidays: string[];
  decl?: ast.CalendarDecl;
}

// ---------------------------------------------------------------- resolutions

/** What a `PathExpr` refers to. */
export type PathResolution =
  /** A field of the rule's record, following references (`contact.name`); `implicit` when the last field is id/stage/responsible. */
  | { kind: "field"; path: string[]; type: ValueType; implicit: boolean }
  /** A bare enum value (`web` in `channel in [web, partner]`), decided from the expected type. */
  | { kind: "enumValue"; value: string; type: ValueType }
  /** `event.amount`: a payload field of the triggering activity event. */
  | { kind: "eventField"; event: string; field: string; type: ValueType };

/** The resolved subject of a rule or an enrollment. */
export interface SubjectResolution {
  /** The entity whose records the subject watches (entity-less stages resolved to their unique owner). */
  entity: string;
  /** For a stage subject: the stage. */
  stage?: StageSymbol;
  /** For an activity-event subject: the event (stdlib or declared). */
  event?: EventSymbol;
}

export interface RuleResolution {
  decl: ast.RuleDecl;
  /** The file the rule is in, whose line starts place its nodes (paths need not be unique). */
  file: ast.SourceFile;
  /** The rule's written name, or `file:line`. */
  name: string;
  /** Absent when the subject did not resolve (an error was reported). */
  subject?: SubjectResolution;
}

export interface EnrollmentResolution {
  subject?: SubjectResolution;
  /** Null when `per` is the enrolling entity itself, else the reference field that holds the key record. */
  keyField: string | null;
}

export interface WorkflowResolution {
  decl: ast.WorkflowDecl;
  file: string;
  name: string;
  /** The `per` entity (defaults to the enrolling entity); absent when unresolved. */
  per?: string;
  /** The entity of the enrolling records, which the steps read and act on. */
  recordEntity?: string;
  enrollments: Map<ast.Enrollment, EnrollmentResolution>;
}

/** Where a stage named in an action or an `is open` lives. */
export interface StageReference {
  entity: string;
  stage: StageSymbol;
}

/** `for each ENTITY [by FIELD] of …`: the records of `entity` whose `field` refers to the rule's record. */
export interface ForEachLink {
  entity: string;
  field: string;
}

/** `move [target] to "S"`: the record that moves. */
export interface MoveResolution {
  /** Reference field path from the rule's record; absent = the record itself. */
  target?: string[];
  targetEntity: string;
  stage?: StageSymbol;
}

// ---------------------------------------------------------------- the model

export interface CheckedModel {
  entities: Map<string, EntitySymbol>;
  /** Stage name → every stage of that name (one per owning entity), for entity-less stages. */
  stageOwners: Map<string, StageSymbol[]>;
  /** Templates by kind, then name (the same name may exist once per kind). */
  templates: Map<TemplateKind, Map<string, TemplateSymbol>>;
  teams: Map<string, TeamSymbol>;
  /** The stdlib catalog and the declared events. */
  events: Map<string, EventSymbol>;
  calendar: CalendarSymbol;

  rules: Map<ast.RuleDecl, RuleResolution>;
  workflows: Map<ast.WorkflowDecl, WorkflowResolution>;
  /** Every subject (of rules and of enrollments). */
  subjects: Map<ast.Subject, SubjectResolution>;

  /** The type of every expression that was typed (conditions, values, arguments, list items). */
  types: Map<ast.Expr, ValueType>;
  /** What each resolved `PathExpr` (in expressions, recipients, `set`/`assign` targets, `move` targets) refers to. */
  paths: Map<ast.PathExpr, PathResolution>;
  /** Stages named by `open`, `close` and `is open`, resolved in the rule's entity. */
  stages: Map<ast.OpenAction | ast.CloseAction | ast.IsOpenExpr, StageReference>;
  moves: Map<ast.MoveAction, MoveResolution>;
  /** `for each deal of contact`: the referring entity and its reference field, when both resolved. */
  forEach: Map<ast.ForEachAction, ForEachLink>;
  /** Templates named by actions. */
  templateUses: Map<ast.Name, TemplateSymbol>;
}
