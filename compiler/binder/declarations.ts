// Collects every declaration of every file into one namespace (order does not
// matter), the stdlib events first. The first declaration of a name wins; later
// ones are recorded as duplicates.
import { positionAt } from "../../grammar/index";
import type * as ast from "../../grammar/ast";
import type { Weekday } from "../../runtime/program/ir";
import { activityEvents } from "../../stdlib/events";
import { weekdayNames } from "../../stdlib/types";
import type {
  CalendarSymbol,
  CheckedModel,
  EntitySymbol,
  EventSymbol,
  FieldSymbol,
  PipelineSymbol,
  StageSymbol,
  TemplateKind,
  TemplateSymbol,
} from "../model";
import type { Binding, Duplicate } from "./binding";
import { fieldTypeOf } from "./field-type";
import { implicitFields } from "./implicit-fields";
import { placeholdersOf, splitTemplateText } from "./template-text";

export function emptyModel(): CheckedModel {
  return {
    entities: new Map(),
    stageOwners: new Map(),
    templates: new Map(),
    teams: new Map(),
    events: new Map(),
    calendar: defaultCalendar(),
    rules: new Map(),
    workflows: new Map(),
    subjects: new Map(),
    types: new Map(),
    paths: new Map(),
    stages: new Map(),
    moves: new Map(),
    forEach: new Map(),
    templateUses: new Map(),
  };
}

function defaultCalendar(): CalendarSymbol {
  return { timezone: "UTC", workdays: [1, 2, 3, 4, 5], hours: { from: 9 * 60, to: 18 * 60 }, holidays: [] };
}

/**
 * Claims a name in its namespace (`what`, within `scope`: the entity of a field,
 * the kind of a template…); false, and a recorded duplicate, when it is taken.
 */
type Claim = (what: string, scope: string, name: string, node: Duplicate["node"], file: ast.SourceFile) => boolean;

/** Declares every name of every file: the schema's symbols, and the names of rules, workflows and tests. */
export function declare(files: ast.SourceFile[]): Binding {
  const model = emptyModel();
  // names by namespace (`rule`, `field` of an entity…), so that claiming each of
  // ten thousand rule names builds no key string. Each name keeps its file, not
  // its path: two sources may share a path, and only the node's own file places it.
  const namespaces = new Map<string, Map<string, { file: ast.SourceFile; node: Duplicate["node"] }>>();
  const duplicates: Duplicate[] = [];
  const claim: Claim = (what, scope, name, node, file) => {
    const namespace = scope === "" ? what : `${what}\u0000${scope}`;
    let seen = namespaces.get(namespace);
    if (!seen) namespaces.set(namespace, (seen = new Map()));
    const first = seen.get(name);
    if (first) {
      // the first declaration's line, worked out only when there is a duplicate
      const line = positionAt(first.file.lineStarts, first.node.start).line;
      duplicates.push({ what, name, node, file, first: { file: first.file.location ?? first.file.path, line } });
      return false;
    }
    seen.set(name, { file, node });
    return true;
  };
  const binding: Binding = { model, files, duplicates, pathFailures: new Map() };

  for (const event of activityEvents) {
    const fields = new Map<string, FieldSymbol>(
      event.fields.map((field) => [field.name, { name: field.name, type: { kind: field.type }, optional: field.optional, implicit: false }]),
    );
    model.events.set(event.name, { name: event.name, doc: event.doc, fields, declared: false });
  }

  for (const file of files) {
    // indexed: one pass per rule on a cold run, where for-of allocates per step
    for (let i = 0; i < file.items.length; i++) {
      const item = file.items[i]!;
      if (item.missing) continue;
      switch (item.kind) {
        case "EntityDecl":
          if (claim("entity", "", item.name.text, item.name, file)) model.entities.set(item.name.text, entitySymbol(item, file, claim));
          break;
        case "TemplateDecl": {
          const kind = item.templateKind.text as TemplateKind;
          if (claim("template", kind, item.name.text, item.name, file)) {
            let byName = model.templates.get(kind);
            if (!byName) model.templates.set(kind, (byName = new Map()));
            byName.set(item.name.text, templateSymbol(item, kind, file.path));
          }
          break;
        }
        case "TeamDecl":
          if (claim("team", "", item.name.text, item.name, file)) {
            model.teams.set(item.name.text, { name: item.name.text, file: file.path, decl: item, members: item.members.map((m) => m.value) });
          }
          break;
        case "EventDecl": {
          const stdlib = model.events.get(item.name.text);
          if (stdlib && !stdlib.declared) {
            binding.duplicates.push({ what: "event", name: item.name.text, node: item.name, file, first: { file: "stdlib", line: 0 } });
          } else if (claim("event", "", item.name.text, item.name, file)) {
            model.events.set(item.name.text, eventSymbol(item, file, claim));
          }
          break;
        }
        case "CalendarDecl":
          if (claim("calendar", "", "calendar", item, file)) model.calendar = calendarSymbol(item);
          break;
        case "RuleDecl":
          if (item.name) claim("rule", "", item.name.text, item.name, file);
          break;
        case "WorkflowDecl":
          claim("workflow", "", item.name.text, item.name, file);
          break;
        case "TestDecl":
          claim("test", "", item.name.text, item.name, file);
          break;
      }
    }
  }

  unknownFieldTypes(model);
  for (const entity of model.entities.values()) {
    for (const stage of entity.pipeline?.stages ?? []) {
      const owners = model.stageOwners.get(stage.name);
      if (owners) owners.push(stage);
      else model.stageOwners.set(stage.name, [stage]);
    }
  }
  return binding;
}

/**
 * A field typed with a name that is neither primitive nor a declared entity
 * (`amount: monie`) is reported once, where it is declared (SC2001); of unknown
 * type, it raises nothing further in the expressions and test events that use it.
 */
function unknownFieldTypes(model: CheckedModel): void {
  const unknown = (fields: Map<string, FieldSymbol>) => {
    for (const field of fields.values()) if (field.type.kind === "ref" && !model.entities.has(field.type.entity)) field.type = { kind: "unknown" };
  };
  for (const entity of model.entities.values()) unknown(entity.fields);
  for (const event of model.events.values()) unknown(event.fields);
}

function fieldSymbols(decls: ast.FieldDecl[], scope: string, file: ast.SourceFile, claim: Claim): Map<string, FieldSymbol> {
  const fields = new Map<string, FieldSymbol>();
  for (const decl of decls) {
    if (decl.missing || !claim("field", scope, decl.name.text, decl.name, file)) continue;
    if (decl.type.kind === "EnumType") {
      for (const value of decl.type.values) claim("enum value", `${scope}.${decl.name.text}`, value.text, value, file);
    }
    fields.set(decl.name.text, { name: decl.name.text, type: fieldTypeOf(decl.type), optional: decl.optional, implicit: false, decl });
  }
  return fields;
}

function entitySymbol(decl: ast.EntityDecl, file: ast.SourceFile, claim: Claim): EntitySymbol {
  const name = decl.name.text;
  const fields = fieldSymbols(decl.fields, name, file, claim);
  let pipeline: PipelineSymbol | undefined;
  if (decl.pipeline) {
    const stagesByName = new Map<string, StageSymbol>();
    const stages: StageSymbol[] = [];
    for (const stageDecl of decl.pipeline.stages) {
      if (stageDecl.missing || !claim("stage", name, stageDecl.name.text, stageDecl.name, file)) continue;
      const stage: StageSymbol = { name: stageDecl.name.text, entity: name, index: stages.length, decl: stageDecl };
      if (stageDecl.outcome) stage.outcome = stageDecl.outcome;
      stages.push(stage);
      stagesByName.set(stage.name, stage);
    }
    pipeline = { kind: decl.pipeline.parallel ? "parallel" : "sequential", stages, stagesByName, decl: decl.pipeline };
  }
  for (const implicit of implicitFields(name, pipeline)) {
    if (!fields.has(implicit.name)) fields.set(implicit.name, implicit);
  }
  const symbol: EntitySymbol = { name, file: file.path, decl, fields };
  if (pipeline) symbol.pipeline = pipeline;
  return symbol;
}

function eventSymbol(decl: ast.EventDecl, file: ast.SourceFile, claim: Claim): EventSymbol {
  const fields = fieldSymbols(decl.fields, `event ${decl.name.text}`, file, claim);
  return { name: decl.name.text, doc: `Declared in ${file.path}.`, fields, declared: true, decl };
}

function templateSymbol(decl: ast.TemplateDecl, kind: TemplateKind, file: string): TemplateSymbol {
  const symbol: TemplateSymbol = { kind, name: decl.name.text, file, decl, properties: new Map(), placeholders: [] };
  const addText = (property: string, literal: ast.StringLiteral) => {
    symbol.properties.set(property, splitTemplateText(literal.value));
    for (const { path, written } of placeholdersOf(literal.value)) symbol.placeholders.push({ path, written, property, node: literal });
  };
  if (decl.text) addText("text", decl.text);
  for (const property of decl.properties) {
    if (property.missing) continue;
    const value = property.value;
    if (value.kind === "StringLiteral") addText(property.key.text, value);
    else if (value.kind === "Duration" && property.key.text === "due") symbol.due = value;
    else if (value.kind === "Name" && property.key.text === "type") symbol.taskType = value.text;
  }
  return symbol;
}

function calendarSymbol(decl: ast.CalendarDecl): CalendarSymbol {
  const calendar: CalendarSymbol = { ...defaultCalendar(), decl };
  for (const setting of decl.settings) {
    switch (setting.kind) {
      case "Timezone":
        calendar.timezone = setting.zone.text;
        break;
      case "Workdays":
        calendar.workdays = setting.days
          .map((day) => (weekdayNames as readonly string[]).indexOf(day.text.toLowerCase()) + 1)
          .filter((day): day is Weekday => day > 0);
        break;
      case "Hours":
        calendar.hours = { from: setting.from.hour * 60 + setting.from.minute, to: setting.to.hour * 60 + setting.to.minute };
        break;
      case "Holiday":
        calendar.holidays.push(setting.date.text);
        break;
    }
  }
  return calendar;
}
