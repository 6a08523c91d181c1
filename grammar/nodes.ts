// Syntax-tree leaves built from single tokens. A token the parser invented while
// recovering (Chevrotain's `isInsertedInRecovery`) yields a node marked `missing`.
import { tokenMatcher, type IToken } from "chevrotain";
import type {
  DateLiteral, DateTimeLiteral, Name, NumberLiteral, PathExpr, Span, StringLiteral, TimeOfDay,
} from "./ast";
import { endOffsetOf, startOffsetOf } from "./ranges";
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

/**
 * A bare or quoted name; a dotted name keeps its dots (`invoice.paid`). Quoted
 * text is read in Unicode NFC, so names that look the same are the same (a
 * stage "Café" typed with a combining accent is the stage "Café"); the
 * formatter writes it back in that form.
 */
export function nameOf(token: IToken): Name {
  const quoted = token.tokenType !== undefined && tokenMatcher(token, StringToken);
  return mark<Name>({ kind: "Name", text: quoted ? unquote(token.image).normalize("NFC") : imageOf(token), quoted, start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

export function stringOf(token: IToken): StringLiteral {
  return mark<StringLiteral>({ kind: "StringLiteral", value: unquote(imageOf(token)).normalize("NFC"), start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

/** An enum value or other bare word written where a literal is expected (test data). */
export function wordAsString(token: IToken): StringLiteral {
  return mark<StringLiteral>({ kind: "StringLiteral", value: imageOf(token), start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

export function numberOf(token: IToken): NumberLiteral {
  const image = imageOf(token);
  return mark<NumberLiteral>({ kind: "NumberLiteral", value: Number(image), text: image, start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

/** `-5` in test data: the number token with its minus, spanning both. */
export function negativeNumberOf(token: IToken, span: Span): NumberLiteral {
  const image = imageOf(token);
  return mark<NumberLiteral>({ kind: "NumberLiteral", value: -Number(image), text: `-${image}`, start: span.start, end: span.end }, token);
}

export function timeOf(token: IToken): TimeOfDay {
  const [hour, minute] = imageOf(token).split(":").map(Number);
  return mark<TimeOfDay>({ kind: "TimeOfDay", hour: hour ?? 0, minute: minute ?? 0, text: imageOf(token), start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

export function dateOf(token: IToken): DateLiteral {
  return mark<DateLiteral>({ kind: "DateLiteral", text: imageOf(token), start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

export function dateTimeOf(token: IToken): DateTimeLiteral {
  return mark<DateTimeLiteral>({ kind: "DateTimeLiteral", text: imageOf(token), start: startOffsetOf(token), end: endOffsetOf(token) }, token);
}

/** `contact.name` → segments `contact`, `name`, each with its own span. */
export function pathOf(token: IToken): PathExpr {
  const start = startOffsetOf(token);
  const end = endOffsetOf(token);
  const image = imageOf(token);
  if (!image.includes(".")) {
    const segment = mark<Name>({ kind: "Name", text: image, quoted: false, start, end }, token);
    return mark<PathExpr>({ kind: "PathExpr", segments: [segment], start, end }, token);
  }
  const segments: Name[] = [];
  let offset = start;
  for (const text of image.split(".")) {
    segments.push(mark<Name>({ kind: "Name", text, quoted: false, start: offset, end: offset + text.length }, token));
    offset += text.length + 1;
  }
  return mark<PathExpr>({ kind: "PathExpr", segments, start, end }, token);
}
