// The names a rule set declares, with where each is declared: what completion,
// hover and go-to-definition need from the checked model. Built in the checker
// worker from the syntax trees (plain data, so it crosses postMessage), and
// kept from the last result that parsed, so completion still works while the
// file under the cursor is half typed.
import type { EntityDecl, FieldDecl, Literal, SourceFile, SourceRange, Span, TeamDecl, TemplateProperty, TypeRef } from "../grammar/ast";
import { implicitFields, typeName } from "../compiler/index";
import { rangeIn } from "../grammar/index";
import { isPrimitiveTypeName } from "../stdlib/types";

export interface DeclaredName {
  name: string;
  file: string;
  /** The range of the name as written (what go-to-definition selects). */
  range: SourceRange;
}

export interface FieldSymbol extends DeclaredName {
  /** The type as written: `text`, `money?`, `enum(web, phone)`, `contact`. */
  typeText: string;
  /** The referenced entity for reference fields. */
  reference?: string;
  enumValues?: string[];
}

export interface StageSymbol extends DeclaredName {
  entity: string;
  outcome?: "won" | "lost";
}

/** A field every record of an entity has without declaring it (the compiler's implicitFields). */
export interface ImplicitFieldSymbol {
  name: string;
  typeText: string;
}

export interface EntitySymbol extends DeclaredName {
  fields: FieldSymbol[];
  /** `id`, `responsible` and, with a sequential pipeline, `stage`. */
  implicitFields: ImplicitFieldSymbol[];
  pipeline?: "sequential" | "parallel";
  stages: StageSymbol[];
}

export interface TemplateSymbol extends DeclaredName {
  kind: string;
  /** The template's text properties, for hover. */
  summary: string;
}

export interface TeamSymbol extends DeclaredName {
  members: string[];
  /** The attributes the members are given, in first-written order, for `assign … where`. */
  attributes: MemberAttributeSymbol[];
}

/** One attribute of a team's members and the values written for it, as a rule writes them (`"north"`, `2`). */
export interface MemberAttributeSymbol {
  name: string;
  values: string[];
}

export interface EventSymbol extends DeclaredName {
  fields: FieldSymbol[];
}

export interface SymbolIndex {
  entities: EntitySymbol[];
  templates: TemplateSymbol[];
  teams: TeamSymbol[];
  /** `event` declarations of the rules (the stdlib catalog is read directly). */
  events: EventSymbol[];
  /** Named rules (an unnamed rule has no name to refer to), for `expect … by rule "R"`. */
  rules: DeclaredName[];
  workflows: DeclaredName[];
}

export function buildSymbolIndex(files: SourceFile[]): SymbolIndex {
  const index: SymbolIndex = { entities: [], templates: [], teams: [], events: [], rules: [], workflows: [] };
  for (const file of files) {
    for (const item of file.items) {
      if (item.missing) continue;
      switch (item.kind) {
        case "EntityDecl":
          index.entities.push(entitySymbol(item, file));
          break;
        case "TemplateDecl":
          index.templates.push({
            ...declared(item.name, file),
            kind: item.templateKind.text,
            summary: templateSummary(item.text?.value, item.properties.map((p) => [p.key.text, propertyText(p.value)])),
          });
          break;
        case "TeamDecl":
          index.teams.push({ ...declared(item.name, file), members: item.members.map((m) => m.value), attributes: memberAttributes(item) });
          break;
        case "EventDecl":
          index.events.push({ ...declared(item.name, file), fields: item.fields.map((f) => fieldSymbol(f, file)) });
          break;
        case "RuleDecl":
          if (item.name) index.rules.push(declared(item.name, file));
          break;
        case "WorkflowDecl":
          index.workflows.push(declared(item.name, file));
          break;
        default:
          break;
      }
    }
  }
  return index;
}

function entitySymbol(entity: EntityDecl, file: SourceFile): EntitySymbol {
  const name = entity.name.text;
  const pipeline = entity.pipeline ? (entity.pipeline.parallel ? "parallel" : "sequential") : undefined;
  return {
    ...declared(entity.name, file),
    fields: entity.fields.filter((f) => !f.missing).map((f) => fieldSymbol(f, file)),
    implicitFields: implicitFields(name, pipeline && { kind: pipeline }).map((f) => ({
      name: f.name,
      typeText: typeName(f.type) + (f.optional ? "?" : ""),
    })),
    pipeline,
    stages: (entity.pipeline?.stages ?? [])
      .filter((s) => !s.missing)
      .map((s) => ({ ...declared(s.name, file), entity: name, outcome: s.outcome })),
  };
}

function fieldSymbol(field: FieldDecl, file: SourceFile): FieldSymbol {
  const typeText = typeRefText(field.type) + (field.optional ? "?" : "");
  const symbol: FieldSymbol = { ...declared(field.name, file), typeText };
  if (field.type.kind === "EnumType") symbol.enumValues = field.type.values.map((v) => v.text);
  else if (!isPrimitiveTypeName(field.type.name.text)) symbol.reference = field.type.name.text;
  return symbol;
}

function memberAttributes(team: TeamDecl): MemberAttributeSymbol[] {
  const values = new Map<string, Set<string>>();
  for (const attributes of team.attributes) {
    for (const field of attributes.fields) {
      if (field.missing) continue;
      let written = values.get(field.name.text);
      if (!written) values.set(field.name.text, (written = new Set()));
      written.add(literalText(field.value));
    }
  }
  return [...values].map(([name, written]) => ({ name, values: [...written] }));
}

/** A member's value as a rule's expression writes it: text quoted (a bare word in the team is text too). */
function literalText(value: Literal): string {
  switch (value.kind) {
    case "StringLiteral":
      return JSON.stringify(value.value);
    case "NumberLiteral":
      return value.text;
    case "BooleanLiteral":
      return String(value.value);
    default:
      return value.text;
  }
}

function typeRefText(type: TypeRef): string {
  return type.kind === "EnumType" ? `enum(${type.values.map((v) => v.text).join(", ")})` : type.name.text;
}

function propertyText(value: TemplateProperty["value"]): string {
  if (value.kind === "StringLiteral") return JSON.stringify(value.value);
  if (value.kind === "Name") return value.text;
  return `${value.amount} ${value.unitText}`;
}

function templateSummary(text: string | undefined, properties: Array<[string, string]>): string {
  const lines = text !== undefined ? [JSON.stringify(text)] : [];
  for (const [key, value] of properties) lines.push(`${key} ${value}`);
  return lines.join("\n");
}

function declared(name: { text: string } & Span, file: SourceFile): DeclaredName {
  return { name: name.text, file: file.path, range: rangeIn(file, name) };
}
