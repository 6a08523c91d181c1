// Reads what the cursor is in from the text around it, not from the syntax
// tree: while a rule is being typed it does not parse, yet completion must
// still know "a stage name goes here" and "this rule is about deals". The names
// themselves come from the checker's last symbol index.
import { tokenVocabulary } from "../../grammar/vocabulary";
import type { EntitySymbol, FieldSymbol, SymbolIndex } from "../checking/symbol-index";

/** What kind of name a quoted string at this place stands for. */
export type QuotedNameKind =
  | { kind: "stage" }
  | { kind: "template"; templateKind: "email" | "sms" | "task" | "report" }
  | { kind: "event" }
  | { kind: "other" };

export interface QuotedString {
  /** 1-based column of the first character inside the quotes. */
  startColumn: number;
  /** 1-based column just past the last character inside (before the closing quote, or the line's end). */
  endColumn: number;
  text: string;
  /** False when the line has no closing quote after the cursor. */
  closed: boolean;
  meaning: QuotedNameKind;
}

/** The quoted string the cursor is inside (column is 1-based), or null. */
export function quotedStringAt(line: string, column: number): QuotedString | null {
  const cursor = column - 1;
  let open = -1;
  for (let i = 0; i < line.length && i < cursor; i++) {
    const ch = line[i];
    if (ch === "\\" && open >= 0) i++;
    else if (ch === '"') open = open >= 0 ? -1 : i;
    else if (ch === "/" && line[i + 1] === "/" && open < 0) return null;
  }
  if (open < 0) return null;
  const closing = line.indexOf('"', cursor);
  const close = closing < 0 ? line.length : closing;
  return {
    startColumn: open + 2,
    endColumn: close + 1,
    text: line.slice(open + 1, close),
    closed: closing >= 0,
    meaning: meaningOfQuote(line.slice(0, open)),
  };
}

/** The quoted string around a column, for hover and go-to-definition (cursor may sit on a quote). */
export function quotedStringCovering(line: string, column: number): QuotedString | null {
  const inside = quotedStringAt(line, column);
  if (inside) return inside;
  return line[column - 1] === '"' ? quotedStringAt(line, column + 1) : null;
}

/** `(^|\s)(a b|c d)$`: the text before a quote ends with one of the phrases. */
function endsWithOneOf(phrases: readonly string[]): RegExp {
  return new RegExp(`(^|\\s)(${phrases.join("|")})$`);
}

// The grammar's lists of the words a stage or template name follows.
const templatePhrases = Object.entries(tokenVocabulary.templateNameWords).map(
  ([kind, phrases]) => [kind as "email" | "sms" | "task" | "report", endsWithOneOf(phrases)] as const,
);
const stagePhrase = endsWithOneOf(tokenVocabulary.stageNameWords);
const templateKindWords = /(^|\s)(email|sms)\s/;

/** The quote's meaning from the words written before it. */
export function meaningOfQuote(before: string): QuotedNameKind {
  const words = before.trimEnd().split(/\s+/).slice(-3).join(" ");
  for (const [templateKind, phrase] of templatePhrases) if (phrase.test(words)) return { kind: "template", templateKind };
  // `send email "T" to "S"`: a quoted user, not a stage
  if (stagePhrase.test(words) && !templateKindWords.test(before.slice(-40))) return { kind: "stage" };
  if (/(^|\s)on \w+$/.test(words) || /(^|\s)event$/.test(words)) return { kind: "event" };
  return { kind: "other" };
}

/** A bare word position: what may be written here. */
export type WordSlot =
  | { kind: "entity-or-stage" } // after `on`, `enroll on`
  | { kind: "event"; entity: string } // after `on <entity>`
  | { kind: "team" } // after `assign <field> from`
  | { kind: "created-thing" } // after `create`
  | { kind: "message-kind" } // after `send`
  | { kind: "member"; entity: string } // after `<reference field>.`
  | { kind: "expression" };

export function wordSlotAt(lineBeforeCursor: string, ruleEntity: EntitySymbol | undefined, symbols: SymbolIndex): WordSlot {
  // Drop the word being typed: the slot depends on what precedes it.
  const before = lineBeforeCursor.replace(/[A-Za-z_][\w.]*$/, "");
  const member = /([A-Za-z_][\w.]*)\.$/.exec(lineBeforeCursor.replace(/[A-Za-z_]\w*$/, ""));
  if (member && ruleEntity) {
    const target = followPath(ruleEntity, member[1]!.split("."), symbols);
    if (target) return { kind: "member", entity: target.name };
  }
  const tail = before.trimEnd();
  if (/(^|[\s:])on$/.test(tail)) return { kind: "entity-or-stage" };
  const onEntity = /(^|[\s:])on\s+([A-Za-z_]\w*)$/.exec(tail);
  if (onEntity && onEntity[2] !== "stage") return { kind: "event", entity: onEntity[2]! };
  if (/\bassign\s+[\w.]+\s+from$/.test(tail)) return { kind: "team" };
  if (/(^|[\s>{])create$/.test(tail)) return { kind: "created-thing" };
  if (/(^|[\s>{])send$/.test(tail)) return { kind: "message-kind" };
  return { kind: "expression" };
}

/** Follows a field path of reference fields (`lead.contact`) to the entity it ends at. */
export function followPath(entity: EntitySymbol, path: string[], symbols: SymbolIndex): EntitySymbol | undefined {
  let current: EntitySymbol | undefined = entity;
  for (const segment of path) {
    const field: FieldSymbol | undefined = current?.fields.find((f) => f.name === segment);
    current = field?.reference ? symbols.entities.find((e) => e.name === field.reference) : undefined;
    if (!current) return undefined;
  }
  return current;
}

/** A line that starts a top-level item (the grammar's words): a rule, a workflow, a declaration or a test. */
const itemStart = startOfLineWith(tokenVocabulary.itemStartWords);
/** A line that starts an item other than a rule or a workflow: the rule above it has ended. */
const declarationStart = startOfLineWith(tokenVocabulary.itemStartWords.filter((word) => !["on", "rule", "workflow"].includes(word)));

function startOfLineWith(words: readonly string[]): RegExp {
  return new RegExp(`^\\s*(${words.join("|")})\\b`);
}

/**
 * The entity the rule (or workflow) around a line is about: `on deal …`,
 * `on stage "S" …` (the entity whose pipeline has S), `enroll on deal …`,
 * `workflow "W" per deal`. Scans upward from the line to the rule's start.
 */
export function ruleEntityAt(lines: readonly string[], lineIndex: number, symbols: SymbolIndex): EntitySymbol | undefined {
  for (let i = Math.min(lineIndex, lines.length - 1); i >= 0; i--) {
    const line = (lines[i] ?? "").replace(/\/\/.*$/, "");
    if (i < lineIndex && declarationStart.test(line)) return undefined;
    const stageSubject = /(?:^|[\s:])on\s+stage\s+"([^"]*)"/.exec(line);
    if (stageSubject) return symbols.entities.find((e) => e.stages.some((s) => s.name === stageSubject[1]));
    const subject = /(?:^|[\s:])on\s+([A-Za-z_]\w*)/.exec(line);
    if (subject) return symbols.entities.find((e) => e.name === subject[1]);
    const per = /^\s*workflow\s+"[^"]*"\s+per\s+([A-Za-z_]\w*)/.exec(line);
    if (per) return symbols.entities.find((e) => e.name === per[1]);
  }
  return undefined;
}

/** A key inside `create <entity> with { … }`. */
export interface RecordFieldSlot {
  kind: "record-field";
  entity: string;
  /** The keys the record already has, before or after the cursor. */
  written: string[];
}

/**
 * Inside `create <entity> with { … }`, where a field name goes (after `{`, a `,`,
 * or a line break after a finished `key: value`, as commas are optional): the
 * entity being created and the fields written before or after the cursor.
 * `textBefore` is the rule's text up to the cursor (a record may span lines),
 * `textAfter` what follows it. Undefined anywhere else, including after a
 * field's `:`, where an expression goes.
 */
export function recordFieldSlotAt(
  textBefore: string,
  symbols: SymbolIndex,
  textAfter = "",
): RecordFieldSlot | undefined {
  const text = withoutStringsAndComments(textBefore);
  const opening = /\bcreate\s+([A-Za-z_]\w*)\s+with\s*\{/g;
  let open: RegExpExecArray | undefined;
  for (let match = opening.exec(text); match; match = opening.exec(text)) open = match;
  if (!open) return undefined;
  const before = recordEntries(text.slice(open.index + open[0].length));
  if (before.closed || !/^\s*[A-Za-z_]?\w*$/.test(before.current)) return undefined;
  const entity = open[1]!;
  if (!symbols.entities.some((e) => e.name === entity)) return undefined;
  // after the cursor: when a key is being typed over (`na|me: …`), its entry is this one
  const after = recordEntries(withoutStringsAndComments(textAfter));
  const afterEntries = [...after.entries, ...(after.closed ? [] : [after.current])].slice(/^\w*\s*:/.test(textAfter) ? 1 : 0);
  const written = [...before.entries, ...afterEntries].flatMap(keysOf);
  return { kind: "record-field", entity, written };
}

interface RecordEntries {
  /** The entries ended by a separator (or by the closing brace). */
  entries: string[];
  /** The text after the last separator, when the record is not closed. */
  current: string;
  /** A `}` closes the record within the text. */
  closed: boolean;
}

/** Splits a record's body (after its `{`) into entries at depth 0, up to its closing brace. */
function recordEntries(body: string): RecordEntries {
  const entries: string[] = [];
  let depth = 0;
  let entryStart = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "{" || ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "}") {
      if (depth === 0) {
        entries.push(body.slice(entryStart, i));
        return { entries, current: "", closed: true };
      }
      depth--;
    } else if (depth === 0 && (ch === "," || (ch === "\n" && isFinishedEntry(body.slice(entryStart, i))))) {
      entries.push(body.slice(entryStart, i));
      entryStart = i + 1;
    }
  }
  return { entries, current: body.slice(entryStart), closed: false };
}

/** `key: value` with a value that does not go on to the next line (no trailing operator). */
function isFinishedEntry(entry: string): boolean {
  return /^\s*[A-Za-z_]\w*\s*:\s*\S/.test(entry) && !/(?:[:+\-*/<>=!,(]|\b(?:and|or|not|in))\s*$/.test(entry);
}

/** The field names an entry writes (`key:` at its start or after a space, as in `a: 1 b: 2`). */
function keysOf(entry: string): string[] {
  return [...entry.matchAll(/(?:^|\s)([A-Za-z_]\w*)\s*:/g)].map((m) => m[1]!);
}

/** `text` with string contents blanked and `//` comments dropped, so braces and commas in them do not count. */
function withoutStringsAndComments(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/"(?:[^"\\]|\\.)*("|$)/g, (quoted) => '"' + " ".repeat(Math.max(0, quoted.length - 2)) + '"').replace(/\/\/.*$/, ""))
    .join("\n");
}

/** The text of the rule around `lineIndex` from its first line up to `column` (1-based) of that line. */
export function ruleTextBefore(lines: readonly string[], lineIndex: number, column: number): string {
  // up to the line that starts the item (a rule, workflow or declaration), at most 200 lines back
  let first = lineIndex;
  while (first > 0 && lineIndex - first < 200 && !itemStart.test(lines[first] ?? "")) first--;
  const previous = lines.slice(first, lineIndex);
  return [...previous, (lines[lineIndex] ?? "").slice(0, column - 1)].join("\n");
}

/** The rest of the item from `column` (1-based) of `lineIndex`, up to the line that starts the next item (at most 200 lines). */
export function ruleTextAfter(lines: readonly string[], lineIndex: number, column: number): string {
  let end = lineIndex + 1;
  while (end < lines.length && end - lineIndex <= 200 && !itemStart.test(lines[end] ?? "")) end++;
  return [(lines[lineIndex] ?? "").slice(column - 1), ...lines.slice(lineIndex + 1, end)].join("\n");
}
