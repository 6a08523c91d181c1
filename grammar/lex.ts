// What the scanner finds beyond tokens, in the forms `parse` hands on: SC0001
// diagnostics for unreadable characters and strings, and comments.
import type { IToken } from "chevrotain";
import type { Comment } from "./ast";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { diagnose } from "../diagnostics/message";
import { Diagnostics } from "../diagnostics/messages";
import { endOffsetOf, startOffsetOf, tokenRange } from "./ranges";
import { insteadOf } from "./other-spellings";
import { stringProblem } from "./strings";
import type { ScanError } from "./scanner";
import { BadString } from "./tokens";

/** What to write instead of characters that start no token, when they say what was meant. */
function insteadOfCharacters(found: string): string {
  if (found.startsWith("'")) return `: text goes in double quotes ("…")`;
  if (/^[\u2018\u2019\u201C\u201D]/.test(found)) return `: curly quotes are not quotes; write straight double quotes ("…")`;
  if (found.startsWith(".")) return ": a dot only joins names, as in contact.name";
  if (found.startsWith("/*")) return `: write ${insteadOf("/*")}`;
  for (const spelling of ["&&", "||", "!"]) if (found.startsWith(spelling)) return `: write ${insteadOf(spelling)}`;
  return "";
}

/** SC0001 for characters no token starts with. */
export function scanErrorDiagnostic(error: ScanError, text: string, path: string): Diagnostic {
  const { line, column } = error;
  const found = text.substr(error.offset, error.length);
  const shown = found.length > 20 ? `${found.slice(0, 20)}…` : found;
  const what = found.length === 1 ? `character "${found}"` : `characters "${shown}"`;
  return {
    ...diagnose(Diagnostics.UnexpectedCharacters, { what, hint: insteadOfCharacters(found) }),
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
    ...diagnose(Diagnostics.UnreadableString, { problem: stringProblem(token.image) ?? "this string cannot be read" }),
    file: path,
    range: tokenRange(token),
  };
}

export function commentOf(token: IToken): Comment {
  return { text: token.image, start: startOffsetOf(token), end: endOffsetOf(token) };
}
