// What the name under the cursor refers to, for hover, go to definition,
// references and rename: a declaration of the rule set (stage, template, entity,
// team, field, declared event) or an entry of the stdlib catalog (activity
// event, action, function, field type, duration unit). Read from the tokens of
// the item around the cursor, never from the raw text.
import type { ItemToken, PlaceInItem } from "../grammar/index";
import { actions } from "../stdlib/actions";
import { findActivityEvent } from "../stdlib/events";
import { findFunction } from "../stdlib/functions";
import { durationUnits, isPrimitiveTypeName, primitiveTypeDocs } from "../stdlib/types";
import { followPath, itemTokens, meaningOfQuote, subjectEntity, unquote } from "./item-context";
import type { DeclaredName, EntitySymbol, FieldSymbol, SymbolIndex } from "./symbol-index";

export interface NameUnderCursor {
  /** Offsets of what the answer is about (a word, a quoted name, an action's words). */
  start: number;
  end: number;
  /** Code shown first in the hover (a declaration or a signature). */
  code: string;
  /** Prose under it. */
  doc?: string;
  /** Where it is declared in the rules, when it is. */
  declaration?: DeclaredName;
}

/** The item's token at `offset` (a cursor just after a word is on it). */
export function tokenIndexAt(tokens: readonly ItemToken[], offset: number): number {
  let after = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.start <= offset && offset < token.end) return i;
    if (token.end === offset && /^[A-Za-z_"]/.test(token.image)) after = i;
  }
  return after;
}

export function declarationAt(place: PlaceInItem, offset: number, symbols: SymbolIndex): NameUnderCursor | null {
  const tokens = itemTokens(place);
  const index = tokenIndexAt(tokens, offset);
  if (index < 0) return null;
  const token = tokens[index]!;
  const ruleEntity = subjectEntity(tokens, symbols);
  const at = { start: token.start, end: token.end };

  if (token.kind === "StringLiteral" || token.kind === "BadString") {
    const name = unquote(token.image);
    const meaning = meaningOfQuote(tokens, index);
    if (meaning.kind === "stage") {
      const stages = symbols.entities.flatMap((e) => e.stages).filter((s) => s.name === name);
      // in a pipeline the stage is its entity's; in a rule, the rule's record's
      const owner = tokens[0]?.keyword === "entity" ? tokens[1]?.image : ruleEntity?.name;
      const stage = stages.find((s) => s.entity === owner) ?? stages[0];
      if (!stage) return null;
      const entity = symbols.entities.find((e) => e.name === stage.entity);
      return {
        ...at,
        code: `stage ${JSON.stringify(stage.name)}${stage.outcome ? ` ${stage.outcome}` : ""}`,
        doc: `A stage of the ${entity?.pipeline ?? ""} pipeline of \`${stage.entity}\`.`,
        declaration: stage,
      };
    }
    if (meaning.kind === "template") {
      const kind = meaning.templateKind;
      const template = symbols.templates.find((t) => t.name === name && t.kind === kind) ?? symbols.templates.find((t) => t.name === name);
      if (!template) return null;
      return { ...at, code: `template ${template.kind} ${JSON.stringify(template.name)}\n${template.summary}`, declaration: template };
    }
    if (meaning.kind === "event") {
      const event = symbols.events.find((e) => e.name === name);
      if (!event) return null;
      return { ...at, code: `event ${JSON.stringify(event.name)} { ${fieldList(event.fields)} }`, declaration: event };
    }
    return declaredNameAt(tokens, index, symbols);
  }
  if (!/^[A-Za-z_]/.test(token.image)) return null;
  const text = token.image;

  const activity = findActivityEvent(text);
  if (activity) {
    const payload = activity.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${f.type}`).join(", ");
    return { ...at, code: `event ${activity.name} { ${payload} }`, doc: activity.doc };
  }
  if (tokens[index + 1]?.kind === "LParen") {
    const fn = findFunction(text);
    if (fn) return { ...at, code: fn.signature, doc: fn.doc };
  }
  const action = actionAt(tokens, index);
  if (action) return action;

  const declared = declaredNameAt(tokens, index, symbols);
  if (declared) return declared;
  const entity = symbols.entities.find((e) => e.name === text);
  if (entity) return { ...at, code: entityCode(entity), declaration: entity };
  const team = symbols.teams.find((t) => t.name === text);
  if (team) return { ...at, code: teamCode(team.name, team.members), declaration: team };
  const segments = text.split(".");
  if (ruleEntity && segments[0] !== "event") {
    // In a path (`lead.contact.name`) the hovered segment is the one under the cursor.
    const upTo = text.slice(0, offset - token.start).split(".").length - 1;
    const owner = upTo === 0 ? ruleEntity : followPath(ruleEntity, segments.slice(0, upTo), symbols);
    const field = owner?.fields.find((f) => f.name === segments[upTo]);
    if (owner && field) return { ...at, code: `${owner.name}.${field.name}: ${field.typeText}`, declaration: field };
  }
  if (isPrimitiveTypeName(text)) return { ...at, code: text, doc: primitiveTypeDocs[text] };
  const unit = durationUnits.find((u) => u.spellings.includes(text));
  if (unit && tokens[index - 1]?.kind === "NumberLiteral") return { ...at, code: text, doc: unit.doc };
  return null;
}

/** A name in its own declaration (`entity deal`, `  amount: money`, `stage "Won"`): hover shows it, references start from it. */
function declaredNameAt(tokens: readonly ItemToken[], index: number, symbols: SymbolIndex): NameUnderCursor | null {
  const token = tokens[index]!;
  const first = tokens[0]?.keyword;
  const previous = tokens[index - 1];
  const at = { start: token.start, end: token.end };
  const name = unquote(token.image);
  if (index === 1 && first === "entity") {
    const entity = symbols.entities.find((e) => e.name === name);
    return entity ? { ...at, code: entityCode(entity), declaration: entity } : null;
  }
  if (index === 1 && first === "team") {
    const team = symbols.teams.find((t) => t.name === name);
    return team ? { ...at, code: teamCode(team.name, team.members), declaration: team } : null;
  }
  if (index === 2 && first === "template") {
    const template = symbols.templates.find((t) => t.name === name && t.kind === previous?.image);
    return template ? { ...at, code: `template ${template.kind} ${JSON.stringify(template.name)}\n${template.summary}`, declaration: template } : null;
  }
  if (index === 1 && first === "event") {
    const event = symbols.events.find((e) => e.name === name);
    return event ? { ...at, code: `event ${JSON.stringify(event.name)} { ${fieldList(event.fields)} }`, declaration: event } : null;
  }
  if (first === "entity" && tokens[index + 1]?.kind === "Colon") {
    const entity = symbols.entities.find((e) => e.name === tokens[1]?.image);
    const field = entity?.fields.find((f) => f.name === name && f.range.start.offset === token.start);
    if (entity && field) return { ...at, code: `${entity.name}.${field.name}: ${field.typeText}`, declaration: field };
  }
  return null;
}

function fieldList(fields: FieldSymbol[]): string {
  return fields.map((f) => `${f.name}: ${f.typeText}`).join(", ");
}

function teamCode(name: string, members: string[]): string {
  return `team ${name} { ${members.map((m) => JSON.stringify(m)).join(" ")} }`;
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

// The catalog's actions by their words (`send email` is two keywords), longest first.
const actionWords = [...actions].sort((a, b) => b.name.length - a.name.length).map((action) => ({ action, words: action.name.split(" ") }));

/** The catalog action whose keywords cover the token at `index`, when they start an action. */
function actionAt(tokens: readonly ItemToken[], index: number): NameUnderCursor | null {
  for (const { action, words } of actionWords) {
    for (let first = index - words.length + 1; first <= index; first++) {
      if (first < 0) continue;
      if (!words.every((word, i) => tokens[first + i]?.keyword === word)) continue;
      // an action starts after `->`, `{`, `}` or a finished previous action; `stage "S" open` is a subject
      const before = tokens[first - 1];
      if (before && (before.kind === "StringLiteral" && tokens[first - 2]?.keyword === "stage")) continue;
      if (before?.keyword === "on") continue;
      return { start: tokens[first]!.start, end: tokens[first + words.length - 1]!.end, code: action.syntax, doc: action.doc };
    }
  }
  return null;
}
