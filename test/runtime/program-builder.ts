// Hand-built IR for runtime tests: the runtime must not depend on the parser,
// so tests describe programs directly, with these helpers keeping them short.
import type {
  Action,
  Calendar,
  Delay,
  Duration,
  DurationUnit,
  EntityDef,
  Expr,
  InputEvent,
  Program,
  RuleDef,
  Step,
  Trigger,
  Value,
  WorkflowDef,
} from "../../runtime/program/ir";
import { IR_VERSION } from "../../runtime/program/ir";
import { ruleIdentities } from "../../runtime/program/identity";

export const romeCalendar: Calendar = {
  timezone: "Europe/Rome",
  workdays: [1, 2, 3, 4, 5],
  hours: { from: 9 * 60, to: 18 * 60 },
  holidays: ["2026-12-25"],
};

/** The entities of docs/language.md "Declarations". */
export const solarEntities: EntityDef[] = [
  {
    name: "contact",
    fields: [
      { name: "name", type: { kind: "text" }, optional: false },
      { name: "email", type: { kind: "email" }, optional: true },
      { name: "phone", type: { kind: "phone" }, optional: true },
    ],
  },
  {
    name: "deal",
    fields: [
      { name: "title", type: { kind: "text" }, optional: false },
      { name: "amount", type: { kind: "money" }, optional: false },
      { name: "channel", type: { kind: "enum", values: ["web", "phone", "partner"] }, optional: false },
      { name: "contact", type: { kind: "ref", entity: "contact" }, optional: false },
      { name: "installer", type: { kind: "user" }, optional: true },
      { name: "closed_on", type: { kind: "date" }, optional: true },
      { name: "signed", type: { kind: "bool" }, optional: true },
    ],
    pipeline: {
      kind: "sequential",
      stages: [
        { name: "New" },
        { name: "Documentation pending" },
        { name: "Validation" },
        { name: "Won", outcome: "won" },
        { name: "Lost", outcome: "lost" },
      ],
    },
  },
  {
    name: "installation",
    fields: [{ name: "deal", type: { kind: "ref", entity: "deal" }, optional: false }],
    pipeline: {
      kind: "parallel",
      stages: [{ name: "Documentation pending" }, { name: "Validation" }, { name: "Scheduling" }],
    },
  },
];

let line = 0;

export function program(parts: Partial<Omit<Program, "version">> = {}): Program {
  return {
    version: IR_VERSION,
    calendar: parts.calendar ?? romeCalendar,
    entities: parts.entities ?? solarEntities,
    templates: parts.templates ?? [
      { kind: "email", name: "Docs reminder", properties: { subject: ["We still need your documents"] } },
      { kind: "email", name: "Welcome", properties: {} },
      { kind: "sms", name: "Reminder", properties: { text: ["Reminder about ", { path: ["title"] }] } },
    ],
    teams: parts.teams ?? [{ name: "installers", members: ["ana@solar.example", "bo@solar.example"] }],
    events: parts.events ?? [
      { name: "invoice.paid", fields: [{ name: "amount", type: { kind: "money" }, optional: false }], declared: false },
      { name: "email.opened", fields: [], declared: false },
    ],
    rules: parts.rules ?? [],
    workflows: parts.workflows ?? [],
    tests: parts.tests ?? [],
  };
}

export interface RuleOptions {
  name?: string;
  file?: string;
  line?: number;
  delay?: Delay;
  when?: Expr;
}

export function rule(entity: string, trigger: Trigger, actions: Action[], options: RuleOptions = {}): RuleDef {
  const file = options.file ?? "test.rules";
  const at = options.line ?? ++line;
  const def: RuleDef = {
    id: "",
    name: options.name ?? `${file}:${at}`,
    location: { file, line: at, column: 1 },
    entity,
    trigger,
    actions,
  };
  if (options.delay) def.delay = options.delay;
  if (options.when) def.condition = options.when;
  def.id = ruleIdentities([{ writtenName: options.name, rule: def }])[0]!;
  return def;
}

// ---------------------------------------------------------------- triggers

export const onOpen = (stage: string): Trigger => ({ kind: "stage", stage, edge: "open" });
export const onClose = (stage: string): Trigger => ({ kind: "stage", stage, edge: "close" });
export const on = (event: "created" | "updated" | "deleted"): Trigger => ({ kind: "lifecycle", event });
export const onEvent = (event: string): Trigger => ({ kind: "event", event });
export const becomes = (condition: Expr): Trigger => ({ kind: "becomes", condition });

// ---------------------------------------------------------------- delays

export const duration = (amount: number, unit: DurationUnit): Duration => ({ amount, unit });
export function after(amount: number, unit: DurationUnit, extra: { at?: string; withinWorkingHours?: boolean } = {}): Delay {
  const delay: Delay = { duration: duration(amount, unit), withinWorkingHours: extra.withinWorkingHours ?? false };
  if (extra.at) {
    const [hours, minutes] = extra.at.split(":").map(Number);
    delay.at = hours! * 60 + minutes!;
  }
  return delay;
}

// ---------------------------------------------------------------- expressions

export const lit = (value: Value): Expr => ({ kind: "literal", value });
export const field = (...path: string[]): Expr => ({ kind: "field", path });
export const cmp = (op: "==" | "!=" | "<" | "<=" | ">" | ">=", left: Expr, right: Expr): Expr => ({ kind: "compare", op, left, right });
export const and = (left: Expr, right: Expr): Expr => ({ kind: "and", left, right });
export const or = (left: Expr, right: Expr): Expr => ({ kind: "or", left, right });
export const not = (operand: Expr): Expr => ({ kind: "not", operand });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: "call", fn, args });

// ---------------------------------------------------------------- actions

export const open = (stage: string): Action => ({ kind: "open", stage });
export const close = (stage: string): Action => ({ kind: "close", stage });
export function moveTo(stage: string, options: { allowBack?: boolean; as?: string; target?: string[]; targetEntity?: string } = {}): Action {
  const action: Action = { kind: "move", targetEntity: options.targetEntity ?? "deal", stage, allowBack: options.allowBack ?? false };
  if (options.as) action.as = options.as;
  if (options.target) action.target = options.target;
  return action;
}
export const sendEmail = (template: string, to: string[] | string, cc?: string[]): Action => {
  const action: Action = { kind: "sendEmail", template, to: recipient(to) };
  if (cc) action.cc = recipient(cc);
  return action;
};
export const sendSms = (template: string, to: string[] | string): Action => ({ kind: "sendSms", template, to: recipient(to) });
export const set = (name: string, value: Expr): Action => ({ kind: "set", field: name, value });
export const assign = (name: string, team: string, strategy: "round_robin" | "least_loaded" = "round_robin"): Action => ({
  kind: "assign",
  field: name,
  team,
  strategy,
});
export const create = (entity: string, fields: Record<string, Expr>): Action => ({
  kind: "create",
  entity,
  fields: Object.entries(fields).map(([name, value]) => ({ name, value })),
});
export const notify = (to: string[] | string, ...text: Array<string | string[]>): Action => ({
  kind: "notify",
  to: recipient(to),
  text: text.map((part) => (typeof part === "string" ? part : { path: part })),
});

function recipient(to: string[] | string) {
  return typeof to === "string" ? ({ kind: "user", user: to } as const) : ({ kind: "field", path: to } as const);
}

// ---------------------------------------------------------------- workflows

export function workflow(
  name: string,
  per: string,
  steps: Step[],
  options: { reentry?: boolean; enroll?: Trigger; entity?: string; keyField?: string | null; when?: Expr } = {},
): WorkflowDef {
  const entity = options.entity ?? "deal";
  const enrollment: WorkflowDef["enrollments"][number] = {
    entity,
    trigger: options.enroll ?? on("updated"),
    keyField: options.keyField !== undefined ? options.keyField : per === entity ? null : per,
  };
  if (options.when) enrollment.condition = options.when;
  return { id: name, name, location: { file: "test.rules", line: ++line, column: 1 }, per, reentry: options.reentry ?? false, enrollments: [enrollment], steps };
}

export const step = (action: Action): Step => ({ kind: "action", action });
export const wait = (amount: number, unit: DurationUnit): Step => ({ kind: "wait", duration: duration(amount, unit) });
export const waitUntil = (condition: Expr, timeout?: Duration): Step =>
  timeout ? { kind: "waitUntil", condition, timeout } : { kind: "waitUntil", condition };
export const ifStep = (condition: Expr, then: Step[], otherwise: Step[] = []): Step => ({ kind: "if", condition, then, else: otherwise });
export const stop: Step = { kind: "stop" };

// ---------------------------------------------------------------- events

let eventCounter = 0;

/** An input event; ids run e1, e2… unless given. */
export function ev(at: string, entity: string, type: string, data?: Record<string, Value>, id?: string): InputEvent {
  const event: InputEvent = { id: id ?? `e${++eventCounter}`, at, entity, type };
  if (data) event.data = data;
  return event;
}

/** Events numbered e1, e2… in the order given. */
export function events(...list: Array<[at: string, entity: string, type: string, data?: Record<string, Value>]>): InputEvent[] {
  return list.map(([at, entity, type, data], index) => ev(at, entity, type, data, `e${index + 1}`));
}
