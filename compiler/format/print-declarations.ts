// Declarations (docs/language.md "Declarations") print one item per line inside their block;
// a short sms template keeps its one-line form.
import type * as ast from "../../grammar/ast";
import { inSourceOrder, printBlock, type LineWriter } from "./layout";
import { printDuration, printName, printString, printTime } from "./print-tokens";
import { printData } from "./print-tests";

const itemStartWords = new Set(["calendar", "entity", "template", "team", "event", "rule", "on", "workflow", "test"]);

export function printCalendar(writer: LineWriter, decl: ast.CalendarDecl): void {
  printBlock(writer, 0, "calendar", decl.start, decl.start, decl.settings, (setting, depth) =>
    writer.line(depth, printCalendarSetting(setting), setting.start, setting.end),
  );
}

function printCalendarSetting(setting: ast.CalendarSetting): string {
  switch (setting.kind) {
    case "Timezone":
      return `timezone ${printName(setting.zone)}`;
    case "Workdays":
      return `workdays ${setting.days.map(printName).join(" ")}`;
    case "Hours":
      return `hours ${printTime(setting.from)}..${printTime(setting.to)}`;
    case "Holiday":
      return `holiday ${setting.date.text}`;
  }
}

export function printField(writer: LineWriter, field: ast.FieldDecl, depth: number): void {
  const type =
    field.type.kind === "EnumType" ? `enum(${field.type.values.map(printName).join(", ")})` : printName(field.type.name);
  writer.line(depth, `${printName(field.name)}: ${type}${field.optional ? "?" : ""}`, field.start, field.end);
}

export function printEntity(writer: LineWriter, decl: ast.EntityDecl): void {
  const members: Array<ast.FieldDecl | ast.PipelineDecl> = inSourceOrder([
    ...decl.fields,
    ...(decl.pipeline ? [decl.pipeline] : []),
  ]);
  printBlock(writer, 0, `entity ${printName(decl.name)}`, decl.start, decl.name.end, members, (member, depth) =>
    member.kind === "FieldDecl" ? printField(writer, member, depth) : printPipeline(writer, member, depth),
  );
}

function printPipeline(writer: LineWriter, pipeline: ast.PipelineDecl, depth: number): void {
  const header = pipeline.parallel ? "pipeline parallel" : "pipeline";
  printBlock(writer, depth, header, pipeline.start, pipeline.start, pipeline.stages, (stage, inner) =>
    writer.line(
      inner,
      `stage ${printName(stage.name)}${stage.outcome ? ` ${stage.outcome}` : ""}`,
      stage.start,
      stage.end,
    ),
  );
}

export function printTemplate(writer: LineWriter, decl: ast.TemplateDecl): void {
  const header = `template ${printName(decl.templateKind)} ${printName(decl.name)}`;
  const start = decl.start;
  if (decl.properties.length === 0) {
    const text = decl.text ? ` ${printString(decl.text)}` : "";
    writer.line(0, header + text, start, decl.end);
    return;
  }
  const withText = decl.text ? `${header} ${printString(decl.text)}` : header;
  if (decl.properties.some((property) => itemStartWords.has(property.key.text))) {
    // On a line of its own such a key would start a new item (grammar/parse.ts cuts
    // the file before `on`, `event`, … first on a line), so this template stays on one line.
    const properties = decl.properties.map((property) => `${printName(property.key)} ${printPropertyValue(property.value)}`);
    writer.line(0, `${withText} { ${properties.join(" ")} }`, start, decl.end);
    return;
  }
  const headerEnd = (decl.text ?? decl.name).end;
  printBlock(writer, 0, withText, start, headerEnd, decl.properties, (property, depth) =>
    writer.line(depth, `${printName(property.key)} ${printPropertyValue(property.value)}`, property.start, property.end),
  );
}

function printPropertyValue(value: ast.TemplateProperty["value"]): string {
  switch (value.kind) {
    case "StringLiteral":
      return printString(value);
    case "Name":
      return printName(value);
    case "Duration":
      return printDuration(value);
  }
}

export function printTeam(writer: LineWriter, decl: ast.TeamDecl): void {
  const attributes = new Map(decl.attributes.map((written) => [decl.members[written.member]!, written]));
  printBlock(writer, 0, `team ${printName(decl.name)}`, decl.start, decl.name.end, decl.members, (member, depth) => {
    const written = attributes.get(member);
    writer.line(depth, `${printString(member)}${written ? printData(written.fields, writer.source) : ""}`, member.start, written?.end ?? member.end);
  });
}

export function printEvent(writer: LineWriter, decl: ast.EventDecl): void {
  printBlock(writer, 0, `event ${printName(decl.name)}`, decl.start, decl.name.end, decl.fields, (field, depth) =>
    printField(writer, field, depth),
  );
}
