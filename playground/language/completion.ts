// Completion that knows where it is: stage names inside the quotes after
// `stage`/`open`/`close`/`move to`, templates of the right kind after `send
// email`/`send sms`/`create task`, teams after `assign … from`, events after
// `on <entity>`, the rule's own fields (and a reference's fields after a dot)
// in expressions, the created entity's fields as keys of `create X with { … }`.
// Names come from the checker's last symbol index.
import { languages, type editor, type IRange, type Position } from "monaco-editor/editor";
import { tokenVocabulary } from "../../grammar/vocabulary";
import { activityEvents } from "../../stdlib/events";
import { functions } from "../../stdlib/functions";
import type { EntitySymbol, SymbolIndex } from "../checking/symbol-index";
import {
  followPath, quotedStringAt, recordFieldSlotAt, ruleEntityAt, ruleTextAfter, ruleTextBefore, wordSlotAt, type QuotedString, type RecordFieldSlot,
  type WordSlot,
} from "./source-context";

type Suggestion = languages.CompletionItem;
const Kind = languages.CompletionItemKind;

export function createCompletionProvider(symbolsNow: () => SymbolIndex): languages.CompletionItemProvider {
  return {
    triggerCharacters: ['"', " ", "."],
    provideCompletionItems(model, position, context) {
      const symbols = symbolsNow();
      const line = model.getLineContent(position.lineNumber);
      const before = line.slice(0, position.column - 1);
      if (isInComment(before)) return { suggestions: [] };
      const lines = model.getLinesContent();
      const ruleEntity = ruleEntityAt(lines, position.lineNumber - 1, symbols);
      const quoted = quotedStringAt(line, position.column);
      if (quoted) return { suggestions: quotedSuggestions(quoted, before, ruleEntity, symbols, position) };
      const lineIndex = position.lineNumber - 1;
      const recordField = recordFieldSlotAt(
        ruleTextBefore(lines, lineIndex, position.column),
        symbols,
        ruleTextAfter(lines, lineIndex, position.column),
      );
      if (recordField) return { suggestions: recordFieldSuggestions(recordField, symbols, position, line) };
      const slot = wordSlotAt(before, ruleEntity, symbols);
      // A space or a dot opens the list only where it means something; elsewhere typing goes on undisturbed.
      const byTypingSpace = context.triggerKind === languages.CompletionTriggerKind.TriggerCharacter && context.triggerCharacter === " ";
      if (byTypingSpace && slot.kind === "expression") return { suggestions: [] };
      return { suggestions: wordSuggestions(slot, ruleEntity, symbols, wordRange(model, position, slot)) };
    },
  };
}

function quotedSuggestions(
  quoted: QuotedString,
  before: string,
  ruleEntity: EntitySymbol | undefined,
  symbols: SymbolIndex,
  position: Position,
): Suggestion[] {
  // Insert up to the cursor, never over the closing quote (it may have been
  // auto-closed after the list was asked for); replace up to it.
  const line = position.lineNumber;
  const range = {
    insert: { startLineNumber: line, endLineNumber: line, startColumn: quoted.startColumn, endColumn: position.column },
    replace: { startLineNumber: line, endLineNumber: line, startColumn: quoted.startColumn, endColumn: Math.max(position.column, quoted.endColumn) },
  };
  const closed = quoted.closed;
  const meaning = quoted.meaning;
  if (meaning.kind === "stage") {
    const textBeforeQuote = before.slice(0, quoted.startColumn - 2);
    const owner = stageOwner(textBeforeQuote, ruleEntity, symbols);
    const stages = owner ? owner.stages : symbols.entities.flatMap((e) => e.stages);
    return stages.map((stage, index) => ({
      label: { label: stage.name, description: stage.entity },
      kind: Kind.EnumMember,
      detail: `stage of ${stage.entity}${stage.outcome ? ` (${stage.outcome})` : ""}`,
      insertText: closed ? stage.name : `${stage.name}"`,
      sortText: String(index).padStart(4, "0"),
      range,
    }));
  }
  if (meaning.kind === "template") {
    return symbols.templates
      .filter((t) => t.kind === meaning.templateKind)
      .map((t) => ({ label: t.name, kind: Kind.Reference, detail: `${t.kind} template`, documentation: t.summary, insertText: closed ? t.name : `${t.name}"`, range }));
  }
  if (meaning.kind === "event") {
    return symbols.events.map((e) => ({ label: e.name, kind: Kind.Event, detail: "declared event", insertText: closed ? e.name : `${e.name}"`, range }));
  }
  return [];
}

/** Whose stages a quoted stage name names: `move lead to "…"`, `on deal stage "…"`, else the rule's record. */
function stageOwner(textBeforeQuote: string, ruleEntity: EntitySymbol | undefined, symbols: SymbolIndex): EntitySymbol | undefined {
  const moveTarget = /\bmove\s+([A-Za-z_][\w.]*)\s+to\s*$/.exec(textBeforeQuote);
  if (moveTarget && ruleEntity) return followPath(ruleEntity, moveTarget[1]!.split("."), symbols);
  const subject = /(?:^|[\s:])on\s+([A-Za-z_]\w*)\s+stage\s*$/.exec(textBeforeQuote);
  if (subject) return symbols.entities.find((e) => e.name === subject[1]);
  if (/(?:^|[\s:])on\s+stage\s*$/.test(textBeforeQuote)) return undefined;
  return ruleEntity;
}

/**
 * Keys of `create X with { … }`: the entity's fields the record does not have
 * yet (not `id`: the engine gives it), each with its colon. Typing over a key
 * (`na|me: …`) replaces the whole word and keeps its colon.
 */
function recordFieldSuggestions(slot: RecordFieldSlot, symbols: SymbolIndex, position: Position, line: string): Suggestion[] {
  const entity = symbols.entities.find((e) => e.name === slot.entity);
  if (!entity) return [];
  const typed = /[A-Za-z_]\w*$/.exec(line.slice(0, position.column - 1))?.[0] ?? "";
  const rest = /^(\w*)(\s*:)?/.exec(line.slice(position.column - 1))!;
  const range = {
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn: position.column - typed.length,
    endColumn: position.column + rest[1]!.length,
  };
  return fieldSuggestions(entity, range)
    .filter((field) => field.label !== "id" && !slot.written.includes(field.label as string))
    .map((field) => ({ ...field, insertText: rest[2] ? field.insertText : `${field.insertText}: ` }));
}

function wordSuggestions(slot: WordSlot, ruleEntity: EntitySymbol | undefined, symbols: SymbolIndex, range: IRange): Suggestion[] {
  switch (slot.kind) {
    case "entity-or-stage":
      return [
        keyword("stage", range),
        ...symbols.entities.map((e) => ({ label: e.name, kind: Kind.Class, detail: "entity", insertText: e.name, range })),
      ];
    case "event":
      return [
        // The record's own changes first, then the declared events, then the catalog's.
        { label: "stage", kind: Kind.Keyword, insertText: 'stage "$1" ${2|open,close|}', insertTextRules: snippet, range, sortText: "0stage" },
        ...["created", "updated", "deleted", "becomes"].map((word) => ({ ...keyword(word, range), sortText: `0${word}` })),
        ...symbols.events.map((e) => ({ label: `"${e.name}"`, kind: Kind.Event, detail: "declared event", insertText: `"${e.name}"`, range, sortText: `1${e.name}` })),
        ...activityEvents.map((e) => ({ label: e.name, kind: Kind.Event, detail: e.doc, insertText: e.name, range, sortText: `2${e.name}` })),
      ];
    case "team":
      return symbols.teams.map((t) => ({ label: t.name, kind: Kind.Module, detail: `team: ${t.members.join(", ")}`, insertText: t.name, range }));
    case "created-thing":
      return [
        { label: "task", kind: Kind.Keyword, insertText: 'task "$1"', insertTextRules: snippet, range },
        { label: "activity", kind: Kind.Keyword, insertText: 'activity ${1:call} "$2"', insertTextRules: snippet, range },
        ...symbols.entities.map((e) => ({ label: e.name, kind: Kind.Class, detail: "create a record", insertText: e.name, range })),
      ];
    case "message-kind":
      return [
        { label: "email", kind: Kind.Keyword, insertText: 'email "$1" to ', insertTextRules: snippet, range },
        { label: "sms", kind: Kind.Keyword, insertText: 'sms "$1" to ', insertTextRules: snippet, range },
      ];
    case "member": {
      const entity = symbols.entities.find((e) => e.name === slot.entity);
      return entity ? fieldSuggestions(entity, range) : [];
    }
    case "expression":
      return [
        ...(ruleEntity ? fieldSuggestions(ruleEntity, range) : []),
        ...(ruleEntity ? enumValueSuggestions(ruleEntity, range) : []),
        ...functions.map((f) => ({
          label: f.name,
          kind: Kind.Function,
          detail: f.signature,
          documentation: f.doc,
          insertText: `${f.name}($1)`,
          insertTextRules: snippet,
          range,
        })),
        ...(ruleEntity ? [] : symbols.entities.map((e) => ({ label: e.name, kind: Kind.Class, detail: "entity", insertText: e.name, range }))),
        ...tokenVocabulary.keywords.map((word) => keyword(word, range)),
      ];
  }
}

const snippet = languages.CompletionItemInsertTextRule.InsertAsSnippet;

function keyword(word: string, range: IRange): Suggestion {
  return { label: word, kind: Kind.Keyword, insertText: word, range, sortText: `~${word}` };
}

function fieldSuggestions(entity: EntitySymbol, range: IRange): Suggestion[] {
  return [
    ...entity.fields.map((f, index) => ({
      label: f.name,
      kind: Kind.Field,
      detail: `${entity.name}.${f.name}: ${f.typeText}`,
      insertText: f.name,
      sortText: `0${String(index).padStart(3, "0")}`,
      range,
    })),
    ...entity.implicitFields.map((f) => ({ label: f.name, kind: Kind.Field, detail: `${entity.name}.${f.name}: ${f.typeText} (implicit)`, insertText: f.name, sortText: `1${f.name}`, range })),
  ];
}

function enumValueSuggestions(entity: EntitySymbol, range: IRange): Suggestion[] {
  return entity.fields.flatMap((f) =>
    (f.enumValues ?? []).map((value) => ({ label: value, kind: Kind.EnumMember, detail: `value of ${f.name}`, insertText: value, sortText: `2${value}`, range })),
  );
}

/** The part of the word before the cursor that a suggestion replaces (events keep their dots). */
function wordRange(model: editor.ITextModel, position: Position, slot: WordSlot): IRange {
  const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
  const typed = (slot.kind === "event" ? /[A-Za-z_][\w.]*$/ : /[A-Za-z_]\w*$/).exec(before)?.[0] ?? "";
  return {
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn: position.column - typed.length,
    endColumn: position.column,
  };
}

function isInComment(before: string): boolean {
  let inString = false;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '"') inString = !inString;
    else if (!inString && before[i] === "/" && before[i + 1] === "/") return true;
  }
  return false;
}
