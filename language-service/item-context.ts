// What an item's tokens say about a place in it, for completion and hover: the
// entity the rule or workflow is about (its subject), what a quoted name stands
// for (from the keyword before it, the grammar's own word lists), and field
// paths through reference fields. Tokens come from grammar's placeInItem.
import { tokenVocabulary, type ItemToken, type PlaceInItem } from "../grammar/index";
import type { EntitySymbol, FieldSymbol, SymbolIndex } from "./symbol-index";

export type TemplateKind = "email" | "sms" | "task" | "report";

/** What kind of name a quoted string at a place stands for. */
export type QuotedNameKind =
  | { kind: "stage" }
  | { kind: "template"; templateKind: TemplateKind }
  | { kind: "event" }
  /** `expect … by rule "R"` / `by workflow "W"` in a test. */
  | { kind: "rule" }
  | { kind: "workflow" }
  | { kind: "other" };

export function itemTokens(place: PlaceInItem): ItemToken[] {
  return place.typed ? [...place.before, place.typed, ...place.after] : [...place.before, ...place.after];
}

const isName = (token: ItemToken | undefined): token is ItemToken => token !== undefined && /^[A-Za-z_]\w*$/.test(token.image);
const isString = (token: ItemToken | undefined): boolean => token !== undefined && (token.kind === "StringLiteral" || token.kind === "BadString");

export function unquote(image: string): string {
  const inner = image.startsWith('"') ? image.slice(1) : image;
  return inner.endsWith('"') ? inner.slice(0, -1) : inner;
}

/**
 * The entity the item around a place is about: `on deal …`, `on stage "S" …` (the
 * entity whose pipeline has S), `workflow "W" per deal`, `enroll on deal …`.
 */
export function subjectEntity(tokens: readonly ItemToken[], symbols: SymbolIndex): EntitySymbol | undefined {
  const first = tokens[0]?.keyword;
  if (first !== "on" && first !== "rule" && first !== "workflow") return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.keyword === "per" && first === "workflow" && isName(tokens[i + 1])) return entityNamed(tokens[i + 1]!.image, symbols);
    if (token.keyword !== "on") continue;
    const next = tokens[i + 1];
    if (next?.keyword === "stage" && isString(tokens[i + 2])) {
      const stage = unquote(tokens[i + 2]!.image);
      return symbols.entities.find((e) => e.stages.some((s) => s.name === stage));
    }
    if (isName(next)) return entityNamed(next.image, symbols);
    return undefined;
  }
  return undefined;
}

/**
 * The record the actions at the end of `before` act on: inside
 * `for each deal … { … }` the deal (the innermost open one), else the subject's
 * entity.
 */
export function recordEntityAt(before: readonly ItemToken[], subject: EntitySymbol | undefined, symbols: SymbolIndex): EntitySymbol | undefined {
  // one entry per open `{`: the for-each entity it opens, or undefined for any other block
  const open: Array<EntitySymbol | undefined> = [];
  let pending: EntitySymbol | undefined;
  for (let i = 0; i < before.length; i++) {
    const token = before[i]!;
    if (token.keyword === "each" && before[i - 1]?.keyword === "for" && isName(before[i + 1])) pending = entityNamed(before[i + 1]!.image, symbols);
    else if (token.image === "{") {
      open.push(pending);
      pending = undefined;
    } else if (token.image === "}") open.pop();
  }
  for (let i = open.length - 1; i >= 0; i--) if (open[i]) return open[i];
  return subject;
}

export function entityNamed(name: string, symbols: SymbolIndex): EntitySymbol | undefined {
  return symbols.entities.find((e) => e.name === name);
}

// The grammar's word lists: the last word of each phrase a template name follows.
const templateKindByWord = new Map<string, TemplateKind>();
for (const [kind, phrases] of Object.entries(tokenVocabulary.templateNameWords)) {
  for (const phrase of phrases) templateKindByWord.set(phrase.split(" ").at(-1)!, kind as TemplateKind);
}
const stageWords = new Set<string>(tokenVocabulary.stageNameWords);

/** What the quoted string at `index` of the item's tokens stands for, from the tokens before it. */
export function meaningOfQuote(tokens: readonly ItemToken[], index: number): QuotedNameKind {
  const previous = tokens[index - 1];
  const beforeThat = tokens[index - 2];
  if (beforeThat?.keyword === "by" && (previous?.keyword === "rule" || previous?.keyword === "workflow")) return { kind: previous.keyword };
  const templateKind = previous?.keyword ? templateKindByWord.get(previous.keyword) : undefined;
  if (templateKind && (templateKind !== "email" || beforeThat?.keyword === "send" || beforeThat?.keyword === "and")) {
    return { kind: "template", templateKind };
  }
  if (previous?.keyword && stageWords.has(previous.keyword)) {
    // `send email "T" to "S"`: a quoted user after a template's name, not a stage
    if (previous.keyword === "to" && !isInMove(tokens, index)) return { kind: "other" };
    return { kind: "stage" };
  }
  if (isName(previous) && beforeThat?.keyword === "on") return { kind: "event" };
  return { kind: "other" };
}

/** `move [path] to "S"`: the string at `index` follows a move's `to`. */
function isInMove(tokens: readonly ItemToken[], index: number): boolean {
  for (let i = index - 2; i >= 0 && i >= index - 3; i--) {
    if (tokens[i]!.keyword === "move") return true;
    if (!isName(tokens[i])) return false;
  }
  return false;
}

/** Whose stages a quoted stage name at `index` names: `move lead to "…"`, `on deal stage "…"`, else the rule's record. */
export function stageOwner(tokens: readonly ItemToken[], index: number, ruleEntity: EntitySymbol | undefined, symbols: SymbolIndex): EntitySymbol | undefined {
  const previous = tokens[index - 1];
  if (previous?.keyword === "to" && tokens[index - 2]?.keyword !== "move" && ruleEntity) {
    return followPath(ruleEntity, tokens[index - 2]!.image.split("."), symbols);
  }
  if (previous?.keyword === "stage") {
    const owner = tokens[index - 2];
    if (owner?.keyword === "on") return undefined;
    if (isName(owner) && tokens[index - 3]?.keyword === "on") return entityNamed(owner.image, symbols);
  }
  return ruleEntity;
}

/** Follows a field path of reference fields (`lead.contact`) to the entity it ends at. */
export function followPath(entity: EntitySymbol, path: readonly string[], symbols: SymbolIndex): EntitySymbol | undefined {
  let current: EntitySymbol | undefined = entity;
  for (const segment of path) {
    const field: FieldSymbol | undefined = current?.fields.find((f) => f.name === segment);
    current = field?.reference ? entityNamed(field.reference, symbols) : undefined;
    if (!current) return undefined;
  }
  return current;
}
