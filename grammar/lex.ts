// What the scanner finds beyond tokens, in the forms `parse` hands on: SC0001
// diagnostics for unreadable characters and strings, and comments.
import type { IToken } from "chevrotain";
import type { Comment } from "./ast";
import type { Diagnostic } from "./diagnostic";
import { endOffsetOf, startOffsetOf, tokenRange } from "./ranges";
import { stringProblem } from "./strings";
import type { ScanError } from "./scanner";
import { BadString } from "./tokens";

function unexpectedCharacters(found: string): string {
  const what = found.length === 1 ? `character "${found}"` : `characters "${found}"`;
  if (found.startsWith("'")) return `unexpected ${what}: text goes in double quotes ("…")`;
  if (found.startsWith(".")) return `unexpected ${what}: a dot only joins names, as in contact.name`;
  return `unexpected ${what}`;
}

/** SC0001 for characters no token starts with. */
export function scanErrorDiagnostic(error: ScanError, text: string, path: string): Diagnostic {
  const { line, column } = error;
  return {
    code: "SC0001",
    severity: "error",
    message: unexpectedCharacters(text.substr(error.offset, error.length)),
    file: path,
    range: {
      start: { offset: error.offset, line, column },
      end: { offset: error.offset + error.length, line, column: column + error.length },
    },
  };
}

/** SC0001 for a string token that is unterminated or has an unknown escape; undefined for other tokens. */
export function badStringDiagnostic(token: IToken, path: string): Diagnostic | undefined {
  if (token.tokenType !== BadString) return undefined;
  return {
    code: "SC0001",
    severity: "error",
    message: stringProblem(token.image) ?? "this string cannot be read",
    file: path,
    range: tokenRange(token),
  };
}

export function commentOf(token: IToken): Comment {
  return { text: token.image, start: startOffsetOf(token), end: endOffsetOf(token) };
}
