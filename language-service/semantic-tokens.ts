// Semantic tokens: what each token of a file is, by the grammar's own token
// kinds and the declared names (an entity's name is a type wherever it is
// written, a field of the rule's record a property, a quoted stage a stage).
import type { ItemToken } from "../grammar/index";
import { findActivityEvent } from "../stdlib/events";
import { findFunction } from "../stdlib/functions";
import { meaningOfQuote } from "./item-context";
import type { TextLines } from "./positions";
import type { SemanticTokenType } from "./semantic-token-legend";
import type { SymbolIndex } from "./symbol-index";


export interface SemanticToken {
  /** 1-based line and column of its start; tokens never span lines here. */
  line: number;
  column: number;
  length: number;
  type: SemanticTokenType;
}

export function semanticTokens(items: readonly ItemToken[][], comments: readonly ItemToken[], lines: TextLines, symbols: SymbolIndex): SemanticToken[] {
  const entities = new Set(symbols.entities.map((e) => e.name));
  const teams = new Set(symbols.teams.map((t) => t.name));
  const found: Array<{ start: number; end: number; type: SemanticTokenType }> = [];
  for (const tokens of items) {
    tokens.forEach((token, index) => {
      const type = typeOf(tokens, index, entities, teams);
      if (type) found.push({ start: token.start, end: token.end, type });
    });
  }
  for (const comment of comments) found.push({ start: comment.start, end: comment.end, type: "comment" });
  found.sort((a, b) => a.start - b.start);
  return found.map(({ start, end, type }) => {
    const { line, column } = lines.positionAt(start);
    return { line, column, length: end - start, type };
  });
}

function typeOf(tokens: readonly ItemToken[], index: number, entities: ReadonlySet<string>, teams: ReadonlySet<string>): SemanticTokenType | undefined {
  const token = tokens[index]!;
  if (token.keyword && !(tokens[index + 1]?.kind === "Colon" && index > 0)) return "keyword";
  switch (token.kind) {
    case "StringLiteral":
    case "BadString": {
      const meaning = meaningOfQuote(tokens, index).kind;
      return meaning === "stage" ? "enumMember" : meaning === "event" ? "event" : "string";
    }
    case "NumberLiteral":
    case "DateLiteral":
    case "DateTimeLiteral":
    case "TimeOfDay":
      return "number";
    case "DottedName":
      return findActivityEvent(token.image) ? "event" : "property";
    default:
      break;
  }
  if (!/^[A-Za-z_]/.test(token.image)) return /^[A-Za-z]/.test(token.kind) && token.kind !== "Identifier" ? "operator" : undefined;
  if (entities.has(token.image)) return "type";
  if (teams.has(token.image)) return "namespace";
  if (tokens[index + 1]?.kind === "LParen" && findFunction(token.image)) return "function";
  return "property";
}
