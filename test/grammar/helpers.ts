// Shared test helpers: read the docs/language.md examples, parse expecting no
// errors, scan a whole text.
import { readFileSync } from "node:fs";
import type { IToken } from "chevrotain";
import { expect } from "vitest";
import { parse, type SourceFile } from "../../grammar/index";
import { Scanner, type ScanError } from "../../grammar/scanner";

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** Parses and fails the test with the diagnostics when there are any. */
export function parseClean(text: string, path = "test.rules"): SourceFile {
  const { file, diagnostics } = parse(text, path);
  expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`)).toEqual([]);
  return file;
}

/** The single item of a one-item source, asserted to be of the given kind. */
export function only<K extends SourceFile["items"][number]["kind"]>(
  file: SourceFile,
  kind: K,
): Extract<SourceFile["items"][number], { kind: K }> {
  expect(file.items).toHaveLength(1);
  const item = file.items[0]!;
  expect(item.kind).toBe(kind);
  return item as Extract<SourceFile["items"][number], { kind: K }>;
}

/** Everything the scanner reads in `text`: the parser's tokens, the comments, the unreadable runs. */
export function scanAll(text: string): { tokens: IToken[]; comments: IToken[]; errors: ScanError[] } {
  const scanner = new Scanner(text);
  const tokens: IToken[] = [];
  for (let token = scanner.next(); token !== undefined; token = scanner.next()) tokens.push(token);
  return { tokens, comments: scanner.comments, errors: scanner.errors };
}
