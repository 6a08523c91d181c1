// Shared test helpers: read the docs/language.md examples, parse expecting no errors.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parse, type SourceFile } from "../../grammar/index";

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
