// What the name under the cursor refers to, for hover and go-to-definition:
// a declaration of the rule set (stage, template, entity, team, field, declared
// event) or an entry of the stdlib catalog (activity event, action, function,
// field type, duration unit).
import type { editor, IRange, Position } from "monaco-editor/editor";
import { actions } from "../../stdlib/actions";
import { findActivityEvent } from "../../stdlib/events";
import { findFunction } from "../../stdlib/functions";
import { durationUnits, isPrimitiveTypeName, primitiveTypeDocs } from "../../stdlib/types";
import type { DeclaredName, EntitySymbol, FieldSymbol, SymbolIndex } from "../checking/symbol-index";
import { followPath, quotedStringCovering, ruleEntityAt } from "./source-context";

export interface NameUnderCursor {
  range: IRange;
  /** Code shown first in the hover (a declaration or a signature). */
  code: string;
  /** Prose under it. */
  doc?: string;
  /** Where it is declared in the rules, when it is. */
  declaration?: DeclaredName;
}

export function declarationAt(model: editor.ITextModel, position: Position, symbols: SymbolIndex): NameUnderCursor | null {
  const line = model.getLineContent(position.lineNumber);
  const ruleEntity = ruleEntityAt(model.getLinesContent(), position.lineNumber - 1, symbols);
  const lineRange = (startColumn: number, endColumn: number): IRange => ({
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn,
    endColumn,
  });

  const quoted = quotedStringCovering(line, position.column);
  if (quoted) {
    const range = lineRange(quoted.startColumn - 1, quoted.endColumn + 1);
    const name = quoted.text;
    if (quoted.meaning.kind === "stage") {
      const stages = symbols.entities.flatMap((e) => e.stages).filter((s) => s.name === name);
      const stage = stages.find((s) => s.entity === ruleEntity?.name) ?? stages[0];
      if (!stage) return null;
      const entity = symbols.entities.find((e) => e.name === stage.entity);
      return {
        range,
        code: `stage ${JSON.stringify(stage.name)}${stage.outcome ? ` ${stage.outcome}` : ""}`,
        doc: `A stage of the ${entity?.pipeline ?? ""} pipeline of \`${stage.entity}\`.`,
        declaration: stage,
      };
    }
    if (quoted.meaning.kind === "template") {
      const kind = quoted.meaning.templateKind;
      const template = symbols.templates.find((t) => t.name === name && t.kind === kind) ?? symbols.templates.find((t) => t.name === name);
      if (!template) return null;
      return { range, code: `template ${template.kind} ${JSON.stringify(template.name)}\n${template.summary}`, declaration: template };
    }
    if (quoted.meaning.kind === "event") {
      const event = symbols.events.find((e) => e.name === name);
      if (!event) return null;
      return { range, code: `event ${JSON.stringify(event.name)} { ${fieldList(event.fields)} }`, declaration: event };
    }
    return null;
  }

  const word = model.getWordAtPosition(position);
  if (!word) return null;
  const range = lineRange(word.startColumn, word.endColumn);
  const text = word.word;

  const activity = findActivityEvent(text);
  if (activity) {
    const payload = activity.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${f.type}`).join(", ");
    return { range, code: `event ${activity.name} { ${payload} }`, doc: activity.doc };
  }
  if (line[word.endColumn - 1] === "(") {
    const fn = findFunction(text);
    if (fn) return { range, code: fn.signature, doc: fn.doc };
  }
  const action = actionAt(line, word.startColumn, word.endColumn);
  if (action) return { range: lineRange(action.startColumn, action.endColumn), code: action.syntax, doc: action.doc };

  const segments = text.split(".");
  const entity = symbols.entities.find((e) => e.name === text);
  if (entity) return { range, code: entityCode(entity), declaration: entity };
  const team = symbols.teams.find((t) => t.name === text);
  if (team) return { range, code: `team ${team.name} { ${team.members.map((m) => JSON.stringify(m)).join(" ")} }`, declaration: team };
  if (ruleEntity && segments[0] !== "event") {
    // In a path (`lead.contact.name`) the hovered segment is the one under the cursor.
    const upTo = segmentIndexAt(text, position.column - word.startColumn);
    const owner = upTo === 0 ? ruleEntity : followPath(ruleEntity, segments.slice(0, upTo), symbols);
    const field = owner?.fields.find((f) => f.name === segments[upTo]);
    if (owner && field) return { range, code: `${owner.name}.${field.name}: ${field.typeText}`, declaration: field };
  }
  if (isPrimitiveTypeName(text)) return { range, code: text, doc: primitiveTypeDocs[text] };
  const unit = durationUnits.find((u) => u.spellings.includes(text));
  if (unit && /\d\s+$/.test(line.slice(0, word.startColumn - 1))) return { range, code: text, doc: unit.doc };
  return null;
}

function segmentIndexAt(path: string, offset: number): number {
  return path.slice(0, offset).split(".").length - 1;
}

function fieldList(fields: FieldSymbol[]): string {
  return fields.map((f) => `${f.name}: ${f.typeText}`).join(", ");
}

function entityCode(entity: EntitySymbol): string {
  const lines = [`entity ${entity.name} {`, ...entity.fields.map((f) => `  ${f.name}: ${f.typeText}`)];
  if (entity.pipeline) {
    lines.push(`  pipeline${entity.pipeline === "parallel" ? " parallel" : ""} {`);
    for (const stage of entity.stages) lines.push(`    stage ${JSON.stringify(stage.name)}${stage.outcome ? ` ${stage.outcome}` : ""}`);
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n");
}

/** The catalog action whose words (`send email`, `assign`) cover the hovered word, if it starts an action. */
function actionAt(line: string, startColumn: number, endColumn: number) {
  for (const action of [...actions].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`(^|[\\s>{])(${action.name.replace(" ", "\\s+")})(?=\\s)`, "g");
    for (const match of line.matchAll(pattern)) {
      const start = match.index + match[1]!.length + 1;
      const end = start + match[2]!.length;
      if (start <= startColumn && endColumn <= end && !isSubjectEdge(line, start)) {
        return { ...action, startColumn: start, endColumn: end };
      }
    }
  }
  return null;
}

// `stage "S" open` is a rule subject, not the open action.
function isSubjectEdge(line: string, column: number): boolean {
  return /"\s*$/.test(line.slice(0, column - 1)) && /\bstage\s+"/.test(line);
}
