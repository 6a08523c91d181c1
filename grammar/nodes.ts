// Syntax-tree leaves built from single tokens. A token the parser invented while
// recovering (Chevrotain's `isInsertedInRecovery`) yields a node marked `missing`.
import { tokenMatcher, type IToken } from "chevrotain";
import type {
  DateLiteral, DateTimeLiteral, Name, NumberLiteral, PathExpr, SourceRange, StringLiteral, TimeOfDay,
} from "./ast";
import { tokenRange } from "./ranges";
import { unquote } from "./strings";
import { StringLiteral as StringToken } from "./tokens";

// While Chevrotain records the grammar, an OR returns a placeholder object rather
// than a token; builders must not throw on it (the node is thrown away).
function imageOf(token: IToken): string {
  return typeof token.image === "string" ? token.image : "";
}

export function isMissing(token: IToken): boolean {
  return token.isInsertedInRecovery === true;
}

function mark<T extends { missing?: boolean }>(node: T, token: IToken): T {
  if (isMissing(token)) node.missing = true;
  return node;
}

/** A bare or quoted name; a dotted name keeps its dots (`invoice.paid`). */
export function nameOf(token: IToken): Name {
  const quoted = token.tokenType !== undefined && tokenMatcher(token, StringToken);
  return mark<Name>({ kind: "Name", text: quoted ? unquote(token.image) : imageOf(token), quoted, range: tokenRange(token) }, token);
}

export function stringOf(token: IToken): StringLiteral {
  return mark<StringLiteral>({ kind: "StringLiteral", value: unquote(imageOf(token)), range: tokenRange(token) }, token);
}

/** An enum value or other bare word written where a literal is expected (test data). */
export function wordAsString(token: IToken): StringLiteral {
  return mark<StringLiteral>({ kind: "StringLiteral", value: imageOf(token), range: tokenRange(token) }, token);
}

export function numberOf(token: IToken, negative = false, range: SourceRange = tokenRange(token)): NumberLiteral {
  const value = Number(imageOf(token));
  return mark<NumberLiteral>(
    { kind: "NumberLiteral", value: negative ? -value : value, text: negative ? `-${imageOf(token)}` : imageOf(token), range },
    token,
  );
}

export function timeOf(token: IToken): TimeOfDay {
  const [hour, minute] = imageOf(token).split(":").map(Number);
  return mark<TimeOfDay>({ kind: "TimeOfDay", hour: hour ?? 0, minute: minute ?? 0, text: imageOf(token), range: tokenRange(token) }, token);
}

export function dateOf(token: IToken): DateLiteral {
  return mark<DateLiteral>({ kind: "DateLiteral", text: imageOf(token), range: tokenRange(token) }, token);
}

export function dateTimeOf(token: IToken): DateTimeLiteral {
  return mark<DateTimeLiteral>({ kind: "DateTimeLiteral", text: imageOf(token), range: tokenRange(token) }, token);
}

/** `contact.name` → segments `contact`, `name`, each with its own range (a token never spans lines). */
export function pathOf(token: IToken): PathExpr {
  const range = tokenRange(token);
  const image = imageOf(token);
  if (!image.includes(".")) {
    // one segment covers the whole token: the path and its segment share the (never mutated) range
    const segment = mark<Name>({ kind: "Name", text: image, quoted: false, range }, token);
    return mark<PathExpr>({ kind: "PathExpr", segments: [segment], range }, token);
  }
  const segments: Name[] = [];
  let offset = 0;
  for (const text of image.split(".")) {
    const start = { offset: range.start.offset + offset, line: range.start.line, column: range.start.column + offset };
    const end = { offset: start.offset + text.length, line: start.line, column: start.column + text.length };
    segments.push(mark<Name>({ kind: "Name", text, quoted: false, range: { start, end } }, token));
    offset += text.length + 1;
  }
  return mark<PathExpr>({ kind: "PathExpr", segments, range }, token);
}
