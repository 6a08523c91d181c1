// Spellings from other languages (`=`, `&&`, `||`, `!`, `<>`, `null`, `AND`, `On`,
// `True`) and what Stagecraft writes instead. Syntax errors and the checker's
// unknown-name errors add the answer to their message.
import { reservedWords, softWords } from "./tokens";

const keywords = new Set<string>([...reservedWords, ...softWords]);

const otherLanguages: Record<string, string> = {
  "=": "== to compare",
  "&&": "and",
  "||": "or",
  "!": "not",
  "<>": "!=",
  null: "none",
  nil: "none",
  undefined: "none",
  NULL: "none",
  "/*": "// for a comment (to the end of the line)",
};

/** What Stagecraft writes for `written`, or undefined when it is no known other spelling. */
export function insteadOf(written: string): string | undefined {
  return Object.hasOwn(otherLanguages, written) ? otherLanguages[written] : undefined;
}

/** The keyword `written` is in other letter case (`AND`, `On`, `True`), or undefined. */
export function miscasedKeyword(written: string): string | undefined {
  const lower = written.toLowerCase();
  return lower !== written && keywords.has(lower) ? lower : undefined;
}

/** ` (write X)` for a known other spelling, else nothing: the end of a "found …" phrase. */
export function insteadHint(written: string): string {
  const instead = insteadOf(written);
  if (instead !== undefined) return ` (write ${instead})`;
  const keyword = miscasedKeyword(written);
  return keyword === undefined ? "" : ` (keywords are lower case: write ${keyword})`;
}
