// Completion from the grammar: grammar's content assist says which token kinds
// may come at the cursor (and in which rule), the item's tokens say what the
// item is about, and the names come from the workspace's symbol index: stages
// of the right entity, templates of the right kind, teams after `assign … from`,
// events after `on <entity>`, the rule's fields (a reference's after a dot), the
// created entity's fields as keys of `create X with { … }`, the team's member
// attributes and their values in `assign … where`, named rules and workflows
// after a test's `by rule`/`by workflow`, functions, keywords.
import { tokenVocabulary, type Expectation, type ItemToken, type PlaceInItem } from "../grammar/index";
import { activityEvents } from "../stdlib/events";
import { functions } from "../stdlib/functions";
import { primitiveTypeNames, primitiveTypeDocs } from "../stdlib/types";
import { followPath, itemTokens, meaningOfQuote, stageOwner, subjectEntity, entityNamed, recordEntityAt } from "./item-context";
import type { Range, TextLines } from "./positions";
import type { EntitySymbol, SymbolIndex, TeamSymbol } from "./symbol-index";

export type CompletionKind = "keyword" | "field" | "stage" | "template" | "event" | "entity" | "team" | "function" | "value" | "type" | "rule" | "workflow";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Shown beside the label (a stage's entity). */
  description?: string;
  detail?: string;
  documentation?: string;
  insertText: string;
  /** `insertText` is a snippet (`$1`, `${2|a,b|}`), as Monaco and LSP clients read them. */
  snippet?: boolean;
  sortText?: string;
  /** What the item replaces when inserted, and when it replaces the word under the cursor. */
  insert: Range;
  replace: Range;
}

export interface CompletionContext {
  /** The character whose typing asked for completion, if one did. */
  triggerCharacter?: string;
}


type Draft = Omit<CompletionItem, "insert" | "replace">;

export function completionsAt(place: PlaceInItem, offset: number, lines: TextLines, symbols: SymbolIndex, context: CompletionContext = {}): CompletionItem[] {
  if (place.inComment) return [];
  const tokens = itemTokens(place);
  const ruleEntity = recordEntityAt(place.before, subjectEntity(tokens, symbols), symbols);
  const typed = place.typed;
  if (typed && (typed.kind === "StringLiteral" || typed.kind === "BadString")) {
    return quotedCompletions(place, tokens, offset, lines, ruleEntity, symbols);
  }
  const start = typed ? typed.start : offset;
  const wordRange = lines.rangeOf(start, offset);
  const replaceRange = lines.rangeOf(start, typed ? Math.max(typed.end, offset) : offset);
  const withRange = (drafts: Draft[], replace = replaceRange): CompletionItem[] => drafts.map((d) => ({ ...d, insert: wordRange, replace }));

  const member = memberCompletions(place, lines.text, start, ruleEntity, symbols);
  if (member) return withRange(member);
  if (place.before.length === 0) return withRange(tokenVocabulary.itemStartWords.map(keyword));

  const expected = place.expected;
  const inRule = (rule: string) => expected.some((e) => e.ruleStack.at(-1) === rule && !e.keyword);
  if (expected.some((e) => e.ruleStack.at(-1) === "fieldAssignment")) {
    const record = recordFieldCompletions(place, lines, offset, symbols);
    if (record) return record;
  }
  const previous = place.before.at(-1);
  const drafts: Draft[] = [];
  const keywords = new Set(expected.flatMap((e) => (e.keyword ? [e.keyword] : [])));
  if (isSubjectStart(expected)) {
    // after `on`: an entity, or `stage "S"` for a stage of any pipeline
    keywords.delete("stage");
    drafts.push(stageSnippet("0stage"));
    for (const e of symbols.entities) drafts.push({ label: e.name, kind: "entity", detail: "entity", insertText: e.name });
  } else if (isEventSlot(expected)) {
    // after `on <entity>`: the record's own changes first, then declared events, then the catalog's
    keywords.delete("stage");
    drafts.push(stageSnippet("0stage"));
    for (const word of keywords) drafts.push({ ...keyword(word), sortText: `0${word}` });
    keywords.clear();
    for (const e of symbols.events) drafts.push({ label: `"${e.name}"`, kind: "event", detail: "declared event", insertText: `"${e.name}"`, sortText: `1${e.name}` });
    for (const e of activityEvents) drafts.push({ label: e.name, kind: "event", detail: e.doc, insertText: e.name, sortText: `2${e.name}` });
  } else if ((previous?.keyword === "each" || previous?.keyword === "of") && inRule("forEachAction")) {
    for (const e of symbols.entities) drafts.push({ label: e.name, kind: "entity", detail: "entity", insertText: e.name });
  } else if (previous?.keyword === "from" && inRule("assignAction")) {
    for (const t of symbols.teams) drafts.push({ label: t.name, kind: "team", detail: `team: ${t.members.join(", ")}`, insertText: t.name });
  } else if (inRule("assignCriterion")) {
    // after `where` or `and`: the attributes the team's members are given
    const team = criterionTeam(place.before, symbols);
    for (const a of team?.attributes ?? []) drafts.push({ label: a.name, kind: "field", detail: `attribute of team ${team!.name}: ${a.values.join(", ")}`, insertText: a.name });
  } else if (previous?.keyword === "create" && keywords.has("task")) {
    keywords.delete("task");
    keywords.delete("activity");
    drafts.push({ label: "task", kind: "keyword", insertText: 'task "$1"', snippet: true });
    drafts.push({ label: "activity", kind: "keyword", insertText: 'activity ${1:call} "$2"', snippet: true });
    for (const e of symbols.entities) drafts.push({ label: e.name, kind: "entity", detail: "create a record", insertText: e.name });
  } else if (previous?.keyword === "send" && keywords.has("email")) {
    keywords.clear();
    drafts.push({ label: "email", kind: "keyword", insertText: 'email "$1" to ', snippet: true });
    drafts.push({ label: "sms", kind: "keyword", insertText: 'sms "$1" to ', snippet: true });
  } else if (inRule("typeRef")) {
    for (const name of primitiveTypeNames) drafts.push({ label: name, kind: "type", detail: primitiveTypeDocs[name], insertText: name });
    for (const e of symbols.entities) drafts.push({ label: e.name, kind: "entity", detail: "reference to a record", insertText: e.name });
  } else if (expected.some((e) => e.kind === "PathWord")) {
    // a value or a field path: a space alone does not open the list here, typing goes on undisturbed
    if (context.triggerCharacter === " ") return [];
    for (const value of criterionValues(place.before, symbols)) {
      drafts.push({ label: value, kind: "value", detail: "a value the team's members have", insertText: value, sortText: `!${value}` });
    }
    if (ruleEntity) {
      for (const d of fieldCompletions(ruleEntity)) drafts.push(d);
      if (expected.some((e) => e.ruleStack.includes("expression"))) for (const d of enumValueCompletions(ruleEntity)) drafts.push(d);
    } else {
      for (const e of symbols.entities) drafts.push({ label: e.name, kind: "entity", detail: "entity", insertText: e.name });
    }
    if (expected.some((e) => e.ruleStack.includes("unary"))) {
      for (const f of functions) drafts.push({ label: f.name, kind: "function", detail: f.signature, documentation: f.doc, insertText: `${f.name}($1)`, snippet: true });
    }
  }
  for (const word of keywords) drafts.push(keyword(word));
  return withRange(drafts);
}

function isSubjectStart(expected: readonly Expectation[]): boolean {
  return expected.some((e) => e.kind === "Name" && e.ruleStack.at(-1) === "subject");
}

function isEventSlot(expected: readonly Expectation[]): boolean {
  return expected.some((e) => e.kind === "DottedName" && e.ruleStack.at(-1) === "subject");
}

function stageSnippet(sortText: string): Draft {
  return { label: "stage", kind: "keyword", insertText: 'stage "$1" ${2|open,close|}', snippet: true, sortText };
}

function keyword(word: string): Draft {
  return { label: word, kind: "keyword", insertText: word, sortText: `~${word}` };
}

/** After `path.`: the fields of the entity the path ends at. */
function memberCompletions(place: PlaceInItem, text: string, start: number, ruleEntity: EntitySymbol | undefined, symbols: SymbolIndex): Draft[] | undefined {
  const typed = place.typed;
  let path: string[] | undefined;
  if (typed?.kind === "DottedName") path = typed.image.split(".").slice(0, -1);
  else if (text[start - 1] === ".") {
    const owner = place.before.at(-1);
    if (owner && owner.end === start - 1 && /^[A-Za-z_][\w.]*$/.test(owner.image)) path = owner.image.split(".");
  }
  if (!path || !ruleEntity || path[0] === "event") return undefined;
  const entity = followPath(ruleEntity, path, symbols);
  return entity ? fieldCompletions(entity) : [];
}

function quotedCompletions(
  place: PlaceInItem,
  tokens: readonly ItemToken[],
  offset: number,
  lines: TextLines,
  ruleEntity: EntitySymbol | undefined,
  symbols: SymbolIndex,
): CompletionItem[] {
  const typed = place.typed!;
  if (!place.expected.some((e) => e.kind === "StringLiteral")) return [];
  const closed = typed.image.length >= 2 && typed.image.endsWith('"');
  // Insert up to the cursor, never over the closing quote (it may have been
  // auto-closed after the list was asked for); replace up to it.
  const insert = lines.rangeOf(typed.start + 1, offset);
  const replace = lines.rangeOf(typed.start + 1, Math.max(offset, closed ? typed.end - 1 : typed.end));
  const index = place.before.length;
  const meaning = meaningOfQuote(tokens, index);
  const quoted = (name: string) => (closed ? name : `${name}"`);
  if (meaning.kind === "stage") {
    const owner = stageOwner(tokens, index, ruleEntity, symbols);
    const stages = owner ? owner.stages : symbols.entities.flatMap((e) => e.stages);
    return stages.map((stage, i) => ({
      label: stage.name,
      description: stage.entity,
      kind: "stage",
      detail: `stage of ${stage.entity}${stage.outcome ? ` (${stage.outcome})` : ""}`,
      insertText: quoted(stage.name),
      sortText: String(i).padStart(4, "0"),
      insert,
      replace,
    }));
  }
  if (meaning.kind === "template") {
    return symbols.templates
      .filter((t) => t.kind === meaning.templateKind)
      .map((t) => ({ label: t.name, kind: "template", detail: `${t.kind} template`, documentation: t.summary, insertText: quoted(t.name), insert, replace }));
  }
  if (meaning.kind === "event") {
    return symbols.events.map((e) => ({ label: e.name, kind: "event", detail: "declared event", insertText: quoted(e.name), insert, replace }));
  }
  if (meaning.kind === "rule" || meaning.kind === "workflow") {
    const named = meaning.kind === "rule" ? symbols.rules : symbols.workflows;
    return named.map((r) => ({ label: r.name, kind: meaning.kind, detail: `${meaning.kind} in ${r.file}`, insertText: quoted(r.name), insert, replace }));
  }
  // `where channel == "…"`: the text values the team's members have
  return criterionValues(place.before, symbols)
    .filter((value) => value.startsWith('"'))
    .map((value) => {
      const name = JSON.parse(value) as string;
      return { label: name, kind: "value", detail: "a value the team's members have", insertText: quoted(name), insert, replace };
    });
}

/** The team of the `assign … from TEAM where …` that `before` ends in: the name after its `from`. */
function criterionTeam(before: readonly ItemToken[], symbols: SymbolIndex): TeamSymbol | undefined {
  for (let i = before.length - 2; i >= 0; i--) {
    if (before[i]!.keyword === "from") return symbols.teams.find((t) => t.name === before[i + 1]!.image);
  }
  return undefined;
}

/** After `where ATTRIBUTE ==`: the values the team's members have for that attribute. */
function criterionValues(before: readonly ItemToken[], symbols: SymbolIndex): string[] {
  const attribute = before.at(-2);
  const keyword = before.at(-3)?.keyword;
  if (before.at(-1)?.kind !== "Equal" || (keyword !== "where" && keyword !== "and")) return [];
  return criterionTeam(before, symbols)?.attributes.find((a) => a.name === attribute!.image)?.values ?? [];
}

/**
 * Keys of `create X with { … }`: the entity's fields the record does not have
 * yet (not `id`: the engine gives it), each with its colon. Typing over a key
 * (`na|me: …`) replaces the whole word and keeps its colon.
 */
function recordFieldCompletions(place: PlaceInItem, lines: TextLines, offset: number, symbols: SymbolIndex): CompletionItem[] | undefined {
  const before = place.before;
  let open = -1;
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const kind = before[i]!.kind;
    if (kind === "RCurly") depth++;
    else if (kind === "LCurly") {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 2 || before[open - 1]!.keyword !== "with") return undefined;
  const entity = entityNamed(before[open - 2]!.image, symbols);
  if (!entity) return undefined;
  const written = new Set<string>();
  const recordKeys = (tokens: readonly ItemToken[]) => {
    let level = 0;
    for (let i = 0; i < tokens.length; i++) {
      const kind = tokens[i]!.kind;
      if (kind === "LCurly" || kind === "LParen" || kind === "LBracket") level++;
      else if (kind === "RCurly" || kind === "RParen" || kind === "RBracket") {
        if (level === 0) return;
        level--;
      } else if (level === 0 && tokens[i + 1]?.kind === "Colon") written.add(tokens[i]!.image);
    }
  };
  recordKeys(before.slice(open + 1));
  const typed = place.typed;
  const after = place.after;
  // the key under the cursor is the one being written, not one already there
  recordKeys(typed && after[0]?.kind === "Colon" ? after.slice(1) : after);
  const start = typed ? typed.start : offset;
  const end = typed ? typed.end : offset;
  const hasColon = typed ? after[0]?.kind === "Colon" : false;
  const word = lines.rangeOf(start, Math.max(end, offset));
  return fieldCompletions(entity)
    .filter((field) => field.label !== "id" && !written.has(field.label))
    .map((field) => ({ ...field, insertText: hasColon ? field.insertText : `${field.insertText}: `, insert: word, replace: word }));
}

function fieldCompletions(entity: EntitySymbol): Draft[] {
  const drafts: Draft[] = entity.fields.map((f, index) => ({
    label: f.name,
    kind: "field" as const,
    detail: `${entity.name}.${f.name}: ${f.typeText}`,
    insertText: f.name,
    sortText: `0${String(index).padStart(3, "0")}`,
  }));
  for (const f of entity.implicitFields) {
    drafts.push({ label: f.name, kind: "field", detail: `${entity.name}.${f.name}: ${f.typeText} (implicit)`, insertText: f.name, sortText: `1${f.name}` });
  }
  return drafts;
}

function enumValueCompletions(entity: EntitySymbol): Draft[] {
  return entity.fields.flatMap((f) =>
    (f.enumValues ?? []).map((value) => ({ label: value, kind: "value" as const, detail: `value of ${f.name}`, insertText: value, sortText: `2${value}` })),
  );
}
