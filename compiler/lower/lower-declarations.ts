// Declarations lower to the schema the runtime validates input against and the
// templates, teams and events it reads. Only declared fields are listed: `id`,
// `stage` and `responsible` are implicit on every entity (runtime/program/ir.ts).
import type * as ast from "../../grammar/ast";
import type { Calendar, EntityDef, EventDef, FieldDef, FieldType, TeamDef, TemplateDef, TemplateText, Value } from "../../runtime/program/ir";
import { literalValue } from "./lower-expressions";
import { activityEvents, isPrimitiveTypeName, type ActivityEvent } from "../../stdlib/index";
import type { CalendarSymbol, CheckedModel } from "../model";
import { lowerDuration } from "./lower-durations";
import { splitTemplateText } from "../binder/template-text";

export function lowerFieldType(type: ast.TypeRef): FieldType {
  if (type.kind === "EnumType") return { kind: "enum", values: type.values.map((value) => value.text) };
  const name = type.name.text;
  return isPrimitiveTypeName(name) ? { kind: name } : { kind: "ref", entity: name };
}

export function lowerField(field: ast.FieldDecl): FieldDef {
  return { name: field.name.text, type: lowerFieldType(field.type), optional: field.optional };
}

export function lowerEntity(entity: ast.EntityDecl): EntityDef {
  return {
    name: entity.name.text,
    fields: entity.fields.map(lowerField),
    ...(entity.pipeline
      ? {
          pipeline: {
            kind: entity.pipeline.parallel ? "parallel" : "sequential",
            stages: entity.pipeline.stages.map((stage) => ({
              name: stage.name.text,
              ...(stage.outcome ? { outcome: stage.outcome } : {}),
            })),
          },
        }
      : {}),
  };
}

export function lowerTemplate(template: ast.TemplateDecl, model: CheckedModel): TemplateDef {
  const kind = template.templateKind.text as ast.TemplateKind;
  const symbol = model.templates.get(kind)?.get(template.name.text);
  const properties: Record<string, TemplateText> = {};
  let due: ast.Duration | undefined;
  let taskType: string | undefined;
  if (template.text) properties["text"] = splitTemplateText(template.text.value);
  for (const property of template.properties) {
    const key = property.key.text;
    const value = property.value;
    if (value.kind === "Duration") {
      if (key === "due") due = value;
    } else if (value.kind === "Name") {
      if (key === "type") taskType = value.text;
      else properties[key] = [value.text];
    } else {
      properties[key] = splitTemplateText(value.value);
    }
  }
  // The checker's split is the one it checked placeholders against; prefer it.
  if (symbol?.decl === template) {
    for (const [key, text] of symbol.properties) properties[key] = text.map((part) => (typeof part === "string" ? part : { ...part, path: [...part.path] }));
  }
  return {
    kind,
    name: template.name.text,
    properties,
    ...(due ? { due: lowerDuration(due) } : {}),
    ...(taskType !== undefined ? { taskType } : {}),
  };
}

export function lowerTeam(team: ast.TeamDecl): TeamDef {
  const members = team.members.map((member) => member.value);
  if (team.attributes.length === 0) return { name: team.name.text, members };
  const attributes = members.map((): Record<string, Value> => ({}));
  for (const written of team.attributes) {
    for (const field of written.fields) attributes[written.member]![field.name.text] = literalValue(field.value);
  }
  return { name: team.name.text, members, attributes };
}

export function lowerEvent(event: ast.EventDecl): EventDef {
  return { name: event.name.text, fields: event.fields.map(lowerField), declared: true };
}

/** The stdlib catalog of activity events, in catalog order, as the IR lists them. */
export function catalogEvents(): EventDef[] {
  return activityEvents.map(lowerCatalogEvent);
}

function lowerCatalogEvent(event: ActivityEvent): EventDef {
  return {
    name: event.name,
    fields: event.fields.map((field) => ({ name: field.name, type: { kind: field.type }, optional: field.optional })),
    declared: false,
  };
}

export function lowerCalendar(calendar: CalendarSymbol): Calendar {
  return {
    timezone: calendar.timezone,
    workdays: [...calendar.workdays],
    hours: { from: calendar.hours.from, to: calendar.hours.to },
    holidays: [...calendar.holidays],
  };
}
