// What the grammar allows next at a place of a file: Chevrotain's content assist
// over the tokens of the top-level item around the place, cut as `parse` cuts
// items. An editor's completion asks this instead of guessing from the text, so
// it knows a stage name goes here even while the item is half typed. The answer
// is plain data (token kind names and rule names), so no editor layer sees Chevrotain.
import type { IToken } from "chevrotain";
import { ItemReader, sharedParser } from "./parse";
import { Scanner } from "./scanner";
import { Kw, keywordOf, Name, PathWord } from "./tokens";

/** A token of the item, as plain data. */
export interface ItemToken {
  /** The token kind's name (`Identifier`, `StringLiteral`, `Kw_stage`, `Arrow`). */
  kind: string;
  /** The keyword it is, when it is one. */
  keyword?: string;
  image: string;
  /** Offsets: the first character and just past the last. */
  start: number;
  end: number;
}

/** One token kind that may come next, and the grammar rules it would be read in (outermost first). */
export interface Expectation {
  kind: string;
  keyword?: string;
  ruleStack: readonly string[];
}

export interface PlaceInItem {
  /** The item's tokens before the cursor, without the one being typed. */
  before: ItemToken[];
  /** The word or string the cursor is in or just after (what a completion replaces), if any. */
  typed?: ItemToken;
  /** The item's tokens after the cursor. */
  after: ItemToken[];
  /** What may come where `typed` is (or at the cursor when nothing is being typed). */
  expected: Expectation[];
  /** True when the cursor is inside a comment. */
  inComment: boolean;
}

/** The top-level item around `offset` of `text` and what the grammar expects at it. */
export function placeInItem(text: string, offset: number): PlaceInItem {
  const reader = new ItemReader(new Scanner(text), "");
  let item: IToken[] = [];
  for (let chunk = reader.nextItem(); chunk !== undefined; chunk = reader.nextItem()) {
    if (chunk[0]!.startOffset >= offset) break;
    item = chunk;
  }
  const inComment = reader.scanner.comments.some((c) => c.startOffset < offset && offset <= c.endOffset! + 1);
  const before: ItemToken[] = [];
  const after: ItemToken[] = [];
  let typed: ItemToken | undefined;
  for (const token of item) {
    const plain = plainToken(token);
    if (plain.end < offset) before.push(plain);
    else if (plain.start >= offset) after.push(plain);
    else if (plain.start < offset && isTypedKind(plain, offset)) typed = plain;
    else if (plain.end === offset) before.push(plain);
    else after.push(plain);
  }
  const preceding = item.filter((token) => token.endOffset! + 1 <= (typed ? typed.start : offset) && token.startOffset < offset);
  const expected = inComment ? [] : expectations(preceding);
  return { before, typed, after, expected, inComment };
}

function plainToken(token: IToken): ItemToken {
  const plain: ItemToken = { kind: token.tokenType.name, image: token.image, start: token.startOffset, end: token.endOffset! + 1 };
  const keyword = keywordOf(token.tokenType);
  if (keyword) plain.keyword = keyword;
  return plain;
}

/** A word the cursor touches, or a string the cursor is inside (not after its closing quote). */
function isTypedKind(token: ItemToken, offset: number): boolean {
  if (token.kind === "StringLiteral") return offset < token.end;
  if (token.kind === "BadString") return true;
  return /^[A-Za-z_]/.test(token.image);
}

function expectations(preceding: IToken[]): Expectation[] {
  if (preceding.length === 0) return [];
  const seen = new Set<string>();
  const found: Expectation[] = [];
  for (const path of sharedParser().computeContentAssist("topLevelItem", preceding)) {
    const kind = path.nextTokenType.name;
    const key = `${kind} ${path.ruleStack.join(">")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expectation: Expectation = { kind, ruleStack: path.ruleStack };
    const keyword = keywordOf(path.nextTokenType);
    if (keyword) expectation.keyword = keyword;
    found.push(expectation);
    // a category of keywords (`and`/`or`, the time units) stands for its words; names are too many to list
    if (path.nextTokenType === Name || path.nextTokenType === PathWord) continue;
    for (const [word, tokenType] of Object.entries(Kw)) {
      if (tokenType.CATEGORIES?.includes(path.nextTokenType)) found.push({ kind: tokenType.name, keyword: word, ruleStack: path.ruleStack });
    }
  }
  return found;
}

/** Every top-level item's tokens of `text` (as `parse` cuts them), and its comments. */
export function itemsOf(text: string): { items: ItemToken[][]; comments: ItemToken[] } {
  const reader = new ItemReader(new Scanner(text), "");
  const items: ItemToken[][] = [];
  for (let chunk = reader.nextItem(); chunk !== undefined; chunk = reader.nextItem()) items.push(chunk.map(plainToken));
  return { items, comments: reader.scanner.comments.map(plainToken) };
}
