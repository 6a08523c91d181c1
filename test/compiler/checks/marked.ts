// Inline test sources with `<|>` markers (Langium style): each marker stands
// where a diagnostic must start. Sources are checked beside the declarations of
// docs/language.md "Declarations" (a second file), so a test writes only what it is about.
import { expect } from "vitest";
import { checkSources } from "../../../compiler/check";
import type { Diagnostic } from "../../../diagnostics/diagnostic";
import { section2WithoutCalendar } from "../../fixtures/language-declarations";

export const declarations = section2WithoutCalendar;

const marker = "<|>";

interface Position {
  line: number;
  column: number;
}

function stripMarkers(marked: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  const lines = marked.split("\n").map((line, index) => {
    let rest = line;
    let found = rest.indexOf(marker);
    while (found !== -1) {
      positions.push({ line: index + 1, column: found + 1 });
      rest = rest.slice(0, found) + rest.slice(found + marker.length);
      found = rest.indexOf(marker);
    }
    return rest;
  });
  return { text: lines.join("\n"), positions };
}

/** Diagnostics of `source` (checked beside the reference's declarations), syntax errors failing the test. */
export function diagnose(source: string, withDeclarations = true): Diagnostic[] {
  const sources = withDeclarations ? [{ path: "declarations.rules", text: declarations }] : [];
  sources.push({ path: "test.rules", text: source });
  const { diagnostics } = checkSources(sources);
  const syntax = diagnostics.filter((d) => /^SC[01]/.test(d.code));
  expect(syntax.map((d) => d.message), "test source parses").toEqual([]);
  return diagnostics;
}

/** Exactly the markers' positions carry `code`, and the messages contain `includes`. */
export function expectAt(marked: string, code: string, includes: string[] = [], withDeclarations = true): Diagnostic[] {
  const { text, positions } = stripMarkers(marked);
  const found = diagnose(text, withDeclarations).filter((d) => d.code === code && d.file === "test.rules");
  expect(found.map((d) => ({ line: d.range.start.line, column: d.range.start.column }))).toEqual(positions);
  for (const part of includes) expect(found.map((d) => d.message).join("\n")).toContain(part);
  return found;
}

/** No diagnostic at all. */
export function expectClean(source: string, withDeclarations = true): void {
  expect(diagnose(source, withDeclarations).map((d) => `${d.code} ${d.message}`)).toEqual([]);
}
