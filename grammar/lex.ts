// Text → tokens, comments and SC0001 lexing diagnostics.
import type { IToken } from "chevrotain";
import type { Comment } from "./ast";
import type { Diagnostic } from "./diagnostic";
import { tokenRange } from "./ranges";
import { stringProblem } from "./strings";
import { scan } from "./scanner";
import { BadString } from "./tokens";

export interface LexedSource {
  /** What the parser reads: no whitespace, no comments. */
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

function unexpectedCharacters(found: string): string {
  const what = found.length === 1 ? `character "${found}"` : `characters "${found}"`;
  if (found.startsWith("'")) return `unexpected ${what}: text goes in double quotes ("…")`;
  if (found.startsWith(".")) return `unexpected ${what}: a dot only joins names, as in contact.name`;
  return `unexpected ${what}`;
}

export function lexSource(text: string, path: string): LexedSource {
  const result = scan(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const { line, column } = error;
    const found = text.substr(error.offset, error.length);
    diagnostics.push({
      code: "SC0001",
      severity: "error",
      message: unexpectedCharacters(found),
      file: path,
      range: {
        start: { offset: error.offset, line, column },
        end: { offset: error.offset + error.length, line, column: column + error.length },
      },
    });
  }
  for (const token of result.tokens) {
    if (token.tokenType !== BadString) continue;
    diagnostics.push({
      code: "SC0001",
      severity: "error",
      message: stringProblem(token.image) ?? "this string cannot be read",
      file: path,
      range: tokenRange(token),
    });
  }
  const comments: Comment[] = result.comments.map((token) => ({
    text: token.image,
    range: tokenRange(token),
  }));
  return { tokens: result.tokens, comments, diagnostics };
}
