// Input lines checked against the program before they reach the engine
// (docs/contract.md "Input events"): one error code per class of mistake, messages
// in the user's terms, with the likely intended name when there is one.
import type { FieldDef, FieldType, InputEvent, Program, Value } from "../program/ir";
import { schemaOf, splitRef, type EntitySchema, type Schema } from "../program/schema";
import { isIsoDate, missingTimeReason, parseInstant } from "../time/instants";
import { jsonSyntaxProblem } from "./json-syntax";
import { repeatedKey } from "./repeated-keys";
import { closestName } from "../../diagnostics/suggest";
import { Diagnostics } from "../../diagnostics/messages";
import { render, type DiagnosticMessage, type MessageArguments } from "../../diagnostics/message";
import type { Code } from "../../diagnostics/codes";

export interface InputError {
  code: Code;
  message: string;
  /**
   * The part of the event at fault: `id`, `at`, `entity`, `type`, `data` or
   * `data.<key>`. The CLI prints only the line; the checker places a test
   * block's event diagnostic on the part written at this path.
   */
  field?: string;
  /** 1-based, where the line shows its mistake at one place (JSON syntax). */
  column?: number;
}

export type ValidatedLine = { event: InputEvent } | { error: InputError };

const LIFECYCLE = ["created", "updated", "deleted", "stage.opened", "stage.closed"];
const IS_LIFECYCLE = new Set(LIFECYCLE);
const NO_FIELDS = new Map<string, FieldDef>();
const EVENT_KEYS = ["id", "at", "entity", "type", "data"];
const IS_EVENT_KEY = new Set(EVENT_KEYS);

/**
 * Checks one JSON Lines input line on its own (`parsedLine`: its JSON.parse, when the caller has it). What only the stream shows (time
 * order, ids) is EventStreamValidator's; callers build the `events.jsonl:LINE:`
 * prefix, the message does not repeat it.
 */
export function validateEventLine(program: Program, line: string, parsedLine?: unknown): ValidatedLine {
  // A caller that read the line already to order it (the CLI merging several files) hands it over.
  let parsed = parsedLine;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      return { error: notJsonError(error as Error, line) };
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return fail(Diagnostics.NotAnObject);
  const raw = parsed as Record<string, unknown>;
  const repeated = repeatedKey(line, parsed);
  if (repeated !== undefined) return failAt(keyPath(repeated), Diagnostics.RepeatedKey, { key: keyPath(repeated) });
  // A misspelt `dta` would otherwise leave the event without its data, and a
  // misspelt `tyep` is better named than reported missing.
  for (const key in raw) {
    if (!IS_EVENT_KEY.has(key)) return failAt(key, Diagnostics.UnknownEventKey, { key, expected: expected(key, EVENT_KEYS) });
  }

  // The four checks in one test first: this runs for every input line. A JSON
  // object's string property is always its own, so strings need no more checks.
  if (typeof raw.id !== "string" || typeof raw.at !== "string" || typeof raw.entity !== "string" || typeof raw.type !== "string") {
    for (const name of ["id", "at", "entity", "type"]) {
      if (!Object.hasOwn(raw, name) || raw[name] === null) return failAt(name, Diagnostics.MissingField, { field: name, why: "" });
      if (name === "id" && typeof raw.id === "number") {
        const problem = numericIdProblem(raw.id);
        if (problem !== undefined) return failAt("id", Diagnostics.IllTypedField, { field: "id", expected: "a string or a whole number", got: problem });
        continue;
      }
      if (typeof raw[name] !== "string") return failAt(name, Diagnostics.IllTypedField, { field: name, expected: "a string", got: describe(raw[name]) });
    }
  }
  // CRMs export numeric ids unquoted: `"id": 42` is the id "42".
  const id = typeof raw.id === "number" ? String(raw.id) : (raw.id as string);
  const at = raw.at as string;
  const entity = raw.entity as string;
  const type = raw.type as string;
  if (id === "") return failAt("id", Diagnostics.IllTypedField, { field: "id", expected: "a non-empty string", got: `""` });
  const instant = parseInstant(at);
  if (Number.isNaN(instant)) {
    const missing = missingTimeReason(at);
    if (missing !== undefined) return failAt("at", Diagnostics.NoSuchTime, { field: "at", got: `"${at}"`, why: missing });
    return failAt("at", Diagnostics.IllTypedField, { field: "at", expected: "an ISO 8601 time with offset or Z", got: `"${at}"` });
  }
  const slash = refSlash(entity);
  if (slash === -1) return failAt("entity", Diagnostics.IllTypedField, { field: "entity", expected: `type/id (e.g. "deal/S1")`, got: `"${entity}"` });
  const hasData = Object.hasOwn(raw, "data");
  if (hasData && (typeof raw.data !== "object" || raw.data === null || Array.isArray(raw.data))) {
    return failAt("data", Diagnostics.IllTypedField, { field: "data", expected: "an object", got: describe(raw.data) });
  }
  const data = (raw.data ?? {}) as Record<string, unknown>;

  const schema = lastProgram === program ? lastSchema! : schemaFor(program);
  const entityType = entity.slice(0, slash);
  const entitySchema = schema.entities.get(entityType);
  if (!entitySchema) {
    return failAt("entity", Diagnostics.UnknownEntityType, { type: entityType, expected: expected(entityType, schema.entities.keys()) });
  }
  const eventDef = schema.events.get(type);
  if (!IS_LIFECYCLE.has(type) && !eventDef) {
    return failAt("type", Diagnostics.UnknownEventType, { type, expected: expected(type, [...LIFECYCLE, ...schema.events.keys()], false) });
  }

  // Stage names compare in Unicode NFC, as the compiler reads them (a CRM may
  // send "Café" with a combining accent).
  if (typeof data.stage === "string" && !isNfc(data.stage)) data.stage = data.stage.normalize("NFC");
  const dataError =
    type === "stage.opened" || type === "stage.closed"
      ? checkStageData(entitySchema, data)
      : type === "created" || type === "updated"
        ? checkRecordData(entitySchema, type, data)
        : type === "deleted"
          ? checkFields(data, NO_FIELDS, "a deleted event")
          : checkPayload(data, schema.eventFields.get(type)!, type);
  if (dataError) return { error: dataError };

  const event: InputEvent = { id, at, entity, type };
  if (hasData) event.data = data as Record<string, Value>;
  return { event };
}

/**
 * Why a numeric id cannot be read as the text it was written as: JSON.parse has
 * already rounded a number beyond 2^53 (`12345678901234567890` reads as
 * …7000), and `4.2` or `1e3` would come back as other text than written.
 */
function numericIdProblem(id: number): string | undefined {
  if (Number.isSafeInteger(id)) return undefined;
  if (!Number.isFinite(id)) return `${tooLarge(id)}; quote it`;
  const why = Number.isInteger(id) ? "too large to read exactly; quote it" : "not a whole number; quote it";
  return `number ${String(id)} (${why})`;
}

/** ASCII text (nearly every stage name) is NFC without asking `normalize`. */
function isNfc(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return text === text.normalize("NFC");
  return true;
}

// Every line of a run is checked against the same program: its schema is kept at hand.
let lastProgram: Program | undefined;
let lastSchema: Schema | undefined;

function schemaFor(program: Program): Schema {
  lastSchema = schemaOf(program);
  lastProgram = program;
  return lastSchema;
}

/** Where `splitRef` would split a reference, or -1 when it is not one (without building the parts). */
function refSlash(ref: string): number {
  const slash = ref.indexOf("/");
  return slash <= 0 || slash === ref.length - 1 ? -1 : slash;
}

function checkStageData(entity: EntitySchema, data: Record<string, unknown>): InputError | undefined {
  const name = entity.def.name;
  if (!Object.hasOwn(data, "stage") || data.stage === null) return errorAt("data.stage", Diagnostics.MissingField, { field: "data.stage", why: " (the stage that opened or closed)" });
  if (typeof data.stage !== "string") return errorAt("data.stage", Diagnostics.IllTypedField, { field: "data.stage", expected: "a string", got: describe(data.stage) });
  for (const key of Object.keys(data)) {
    if (key !== "stage" && key !== "by") return errorAt(`data.${key}`, Diagnostics.UnknownDataField, { field: key, where: ` in a stage event (it carries "stage" and optionally "by")` });
  }
  if (Object.hasOwn(data, "by") && typeof data.by !== "string") return errorAt("data.by", Diagnostics.WrongDataType, { what: `"data.by"`, problem: `must be a user (a string), got ${describe(data.by)}` });
  return checkStage(entity, name, data.stage);
}

function checkStage(entity: EntitySchema, name: string, stage: string): InputError | undefined {
  if (!entity.pipeline) return errorAt("data.stage", Diagnostics.UnknownInputStage, { stage, entity: name, expected: ` (${name} has no pipeline)` });
  if (entity.stageIndex.has(stage)) return undefined;
  const stages = entity.pipeline.stages.map((s) => s.name);
  return errorAt("data.stage", Diagnostics.UnknownInputStage, { stage, entity: name, expected: expected(stage, stages) });
}

function checkRecordData(entity: EntitySchema, type: string, data: Record<string, unknown>): InputError | undefined {
  const name = entity.def.name;
  if (Object.hasOwn(data, "stage")) {
    if (type === "updated") return errorAt("data.stage", Diagnostics.StageNotUpdatable, { entity: name });
    if (data.stage !== null) {
      if (typeof data.stage !== "string") return errorAt("data.stage", Diagnostics.WrongDataType, { what: `field "stage" of ${name}`, problem: `must be a stage name, got ${describe(data.stage)}` });
      const stageError = checkStage(entity, name, data.stage);
      if (stageError) return stageError;
    }
  }
  return checkFields(data, entity.dataFields, name, "stage");
}

/** An activity event's payload: the fields given fit, and every field it requires is there. */
function checkPayload(data: Record<string, unknown>, fields: Map<string, FieldDef>, type: string): InputError | undefined {
  const problem = checkFields(data, fields, `event ${type}`);
  if (problem) return problem;
  for (const field of fields.values()) {
    if (field.optional || Object.hasOwn(data, field.name)) continue;
    return errorAt(`data.${field.name}`, Diagnostics.MissingField, { field: `data.${field.name}`, why: `: event ${type} requires it (${describeType(field.type)})` });
  }
  return undefined;
}

function describeType(type: FieldType): string {
  if (type.kind === "enum") return `one of ${type.values.join(", ")}`;
  if (type.kind === "ref") return `a ${type.entity} reference`;
  return type.kind;
}

/** `owner` names what the fields belong to: an entity (`deal`) or an event (`event invoice.paid`). */
function checkFields(data: Record<string, unknown>, fields: Map<string, FieldDef>, owner: string, checkedApart?: string): InputError | undefined {
  for (const key in data) {
    if (key === checkedApart) continue;
    const value = data[key];
    const field = fields.get(key);
    if (!field) {
      if (fields.size === 0) return errorAt(`data.${key}`, Diagnostics.UnknownDataField, { field: key, where: `: ${owner} has no data fields` });
      return errorAt(`data.${key}`, Diagnostics.UnknownDataField, { field: key, where: ` for ${owner}${expected(key, fields.keys())}` });
    }
    const problem = typeProblem(field, value);
    if (problem) return errorAt(`data.${key}`, Diagnostics.WrongDataType, { what: `field "${key}" of ${owner}`, problem });
  }
  return undefined;
}

/** Why a value does not fit a field's type, or undefined when it fits (the checker types a test's `expect` values with it too). */
export function typeProblem(field: FieldDef, value: unknown): string | undefined {
  if (value === null) return field.optional ? undefined : `is required and cannot be none`;
  const type: FieldType = field.type;
  switch (type.kind) {
    case "text":
    case "phone":
    case "user":
      return typeof value === "string" ? undefined : `must be ${article(type.kind)}, got ${describe(value)}`;
    case "email":
      return typeof value === "string" && /^[^\s@]+@[^\s@]+$/.test(value) ? undefined : `must be an email address, got ${describe(value)}`;
    case "number":
    case "money":
      if (typeof value === "number") return Number.isFinite(value) ? undefined : `is ${tooLarge(value)}`;
      return `must be a number, got ${describe(value)}`;
    case "bool":
      return typeof value === "boolean" ? undefined : `must be true or false, got ${describe(value)}`;
    case "date":
      if (typeof value === "string" && isIsoDate(value)) return undefined;
      return missingTime(value) ?? `must be a date YYYY-MM-DD, got ${describe(value)}`;
    case "datetime":
      if (typeof value === "string" && !Number.isNaN(parseInstant(value))) return undefined;
      return missingTime(value) ?? `must be an ISO 8601 time with offset, got ${describe(value)}`;
    case "enum":
      return typeof value === "string" && type.values.includes(value)
        ? undefined
        : `must be one of ${type.values.join(", ")}, got ${describe(value)}${typeof value === "string" ? hint(value, type.values) : ""}`;
    case "ref": {
      const ref = typeof value === "string" ? splitRef(value) : undefined;
      return ref?.type === type.entity ? undefined : `must be a ${type.entity} reference "${type.entity}/<id>", got ${describe(value)}`;
    }
  }
}

function article(kind: string): string {
  return `a ${kind}`;
}

/** JSON.parse reads a number beyond the 64-bit range (`1e400`) as Infinity, which no field can hold. */
function tooLarge(value: number): string {
  return `a number too large to hold (${value > 0 ? "above" : "below"} ${value > 0 ? "" : "-"}1.8e308)`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number" && !Number.isFinite(value)) return tooLarge(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function expected(name: string, candidates: Iterable<string>, quoteAll = true): string {
  const list = [...candidates];
  const guess = closestName(name, list);
  const shown = list.map((c) => (quoteAll ? `"${c}"` : c)).join(", ");
  return guess ? ` (did you mean "${guess}"? expected one of: ${shown})` : ` (expected one of: ${shown})`;
}

function hint(value: string, candidates: string[]): string {
  const guess = closestName(value, candidates);
  return guess ? ` (did you mean ${guess}?)` : "";
}

/** `is "2026-02-30", which does not exist: February 2026 has 28 days` for a date or time of the right shape that is not in the calendar. */
function missingTime(value: unknown): string | undefined {
  const why = typeof value === "string" ? missingTimeReason(value) : undefined;
  return why === undefined ? undefined : `is "${value as string}", which does not exist: ${why}`;
}

/** `data.title`, `data.items[2].sku`: a key's path as the sender wrote it. */
export function keyPath(path: ReadonlyArray<string | number>): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text;
}

function fail<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>): { error: InputError } {
  return { error: inputError(message, ...args) };
}

function failAt<T extends string>(field: string, message: DiagnosticMessage<T>, ...args: MessageArguments<T>): { error: InputError } {
  return { error: errorAt(field, message, ...args) };
}

/** An input error of the table's SC30xx codes. */
export function inputError<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>): InputError {
  return { code: message.code, message: render(message, ...args) };
}

/** An input error about one part of the event (InputError.field). */
export function errorAt<T extends string>(field: string, message: DiagnosticMessage<T>, ...args: MessageArguments<T>): InputError {
  return { ...inputError(message, ...args), field };
}


/** SC3001 for a line JSON.parse refused, with the column where it says one. */
export function notJsonError(error: Error, line: string): InputError {
  const problem = jsonSyntaxProblem(error, line);
  const failed = inputError(Diagnostics.NotJson, { reason: problem.reason });
  if (problem.column !== undefined) failed.column = problem.column;
  return failed;
}
