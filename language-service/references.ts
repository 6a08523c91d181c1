// References and rename: every place of the workspace whose name resolves (by
// declarationAt, the same reading hover and go to definition use) to the same
// declaration as the name under the cursor, the declaration included.
import { itemsOf, type ItemToken, type PlaceInItem } from "../grammar/index";
import { declarationAt } from "./declaration-at";
import type { DeclaredName } from "./symbol-index";
import type { Document } from "./workspace";
import type { SymbolIndex } from "./symbol-index";

export interface Occurrence {
  path: string;
  /** Offsets of the name itself: inside the quotes of a quoted name, one segment of a dotted path. */
  start: number;
  end: number;
}

export function sameDeclaration(a: DeclaredName, b: DeclaredName): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset;
}

export function occurrencesOf(declaration: DeclaredName, documents: readonly Document[], symbols: SymbolIndex): Occurrence[] {
  const found: Occurrence[] = [];
  const name = declaration.name;
  for (const document of documents) {
    for (const tokens of itemsOf(document.text).items) {
      const place: PlaceInItem = { before: tokens, after: [], expected: [], inComment: false };
      for (const token of tokens) {
        for (const at of candidateOffsets(token, name)) {
          const resolved = declarationAt(place, at.start, symbols)?.declaration;
          if (resolved && sameDeclaration(resolved, declaration)) found.push({ path: document.path, ...at });
        }
      }
    }
  }
  return found;
}

/** Where in a token the name could be written: the whole of a quoted string's inside, or a segment of a word. */
function candidateOffsets(token: ItemToken, name: string): Array<{ start: number; end: number }> {
  if (token.kind === "StringLiteral" || token.kind === "BadString") {
    const inner = token.image.slice(1, token.image.endsWith('"') && token.image.length > 1 ? -1 : undefined);
    return inner === name ? [{ start: token.start + 1, end: token.start + 1 + name.length }] : [];
  }
  if (!/^[A-Za-z_]/.test(token.image)) return [];
  const found: Array<{ start: number; end: number }> = [];
  let offset = token.start;
  for (const segment of token.image.split(".")) {
    if (segment === name) found.push({ start: offset, end: offset + segment.length });
    offset += segment.length + 1;
  }
  return found;
}
