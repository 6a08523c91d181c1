// The streaming check (what `stagecraft check` runs) must report exactly what the
// whole check reports, in the same order: on every rules file of the repository
// (read in two parts where a declaration comes late), on the same files with their
// schema moved first (read once), across several files, and on mutated programs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ParserBase } from "../../grammar/parser/base";
import { checkSources, type SourceText } from "../../compiler/check";
import { checkSourcesStreaming, streamChecks, streamInOneRead } from "../../compiler/streaming-check";
import { isDeclarationItem, parse } from "../../grammar/index";
import { mutatedProgram } from "./mutations";
import { extraDeclarations, section1, section2, section3, section4 } from "./checks/language-examples";

const root = join(import.meta.dirname, "../..");

function rulesFilesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".rules"))
    .map((name) => join(folder, name))
    .sort();
}

const corpus: SourceText[] = ["test/golden", "test/grammar/fixtures", "examples", "bench/fixtures", "test/fixtures"]
  .flatMap(rulesFilesUnder)
  .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));

/** The same items, the schema first (each item's own text; what lies between items is left out). */
function schemaFirst(source: SourceText): SourceText {
  const items = parse(source.text, source.path).file.items;
  const textOf = (item: (typeof items)[number]) => source.text.slice(item.start, item.end);
  const ordered = [...items.filter(isDeclarationItem), ...items.filter((item) => !isDeclarationItem(item))];
  return { path: source.path, text: `${ordered.map(textOf).join("\n\n")}\n` };
}

function expectSameAsWhole(sources: SourceText[]): void {
  expect(checkSourcesStreaming(sources)).toEqual(checkSources(sources).diagnostics);
}

const schema = `entity deal {
  title: text
  amount: money
  pipeline {
    stage "New"
    stage "Won" won
  }
}
template email "Hello" { subject "Hi" body "Deal {title}" }
`;
const rules = `rule "Greet": on deal created -> send email "Hello" to responsible
rule "Greet": on deal stage "New" open -> move to "Won"
rule "Back": on deal stage "Won" open -> open "New"
rule "Forth": on deal stage "New" open -> open "Won"
on deal updated when amont > 10 -> send email "Helo" to contact
`;

describe("checkSourcesStreaming", () => {
  it("has the corpus it is compared on", () => {
    expect(corpus.length).toBeGreaterThan(20);
  });

  it.each(corpus.map((source) => [source.path, source] as const))("streams %s to the report of the whole check", (_path, source) => {
    const streamed = streamChecks([source]);
    expect(streamed).toBeDefined();
    expect(streamed).toEqual(checkSources([source]).diagnostics);
  });

  it.each(corpus.map((source) => [source.path, source] as const))("streams %s with its schema first (in one read), to the same report", (_path, source) => {
    const reordered = schemaFirst(source);
    const streamed = streamInOneRead(reordered);
    expect(streamed).toBeDefined();
    expect(streamed).toEqual(checkSources([reordered]).diagnostics);
  });

  it("streams each example folder, its files in the order a folder gives them", () => {
    for (const folder of ["bitrix-triggers", "lead-module", "multiple-opportunities", "solar-substates"]) {
      const sources = corpus.filter((source) => source.path.startsWith(join("examples", folder)));
      expect(sources.length).toBeGreaterThan(1);
      const streamed = streamChecks(sources);
      expect(streamed).toBeDefined();
      expect(streamed).toEqual(checkSources(sources).diagnostics);
    }
  });

  it("streams several files when the schema comes first, reporting across them", () => {
    const sources = [
      { path: "schema.rules", text: schema },
      { path: "a.rules", text: rules },
      { path: "b.rules", text: `rule "Back": on deal created -> move to "Won"\n` },
    ];
    const streamed = streamChecks(sources);
    expect(streamed).toEqual(checkSources(sources).diagnostics);
    const codes = streamed!.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code}`);
    // a duplicate name in the same file and in the next, a cycle, unknown names
    expect(codes).toEqual(expect.arrayContaining(["a.rules:2 SC2101", "b.rules:1 SC2101", "a.rules:2 SC2601", "a.rules:5 SC2002", "a.rules:5 SC2005"]));
  });

  it("streams in two parts when a declaration follows a rule, in one file or the next", () => {
    const late = [{ path: "late.rules", text: rules + schema }];
    expect(streamInOneRead(late[0]!)).toBeUndefined();
    expect(streamChecks(late)).toBeDefined();
    expectSameAsWhole(late);
    const schemaLast = [
      { path: "a.rules", text: rules },
      { path: "schema.rules", text: schema },
    ];
    expect(streamChecks(schemaLast)).toBeDefined();
    expectSameAsWhole(schemaLast);
  });

  it("checks whole when a declaration and a rule share a line (they are read together)", () => {
    const sources = [{ path: "one-line.rules", text: `${rules}entity lead { name: text } on lead created -> notify responsible "New lead"\n${schema}` }];
    expect(streamChecks(sources)).toBeUndefined();
    expectSameAsWhole(sources);
  });

  it("checks whole when sources share a path (their diagnostics would tie in another order)", () => {
    const sources = [
      { path: "same.rules", text: "on deal created -> set zz = 1\n" },
      { path: "same.rules", text: "entity deal { titlexy: Foo }\n" },
    ];
    expect(streamChecks(sources)).toBeUndefined();
    expectSameAsWhole(sources);
  });

  it("checks whole when the parser gives up on an item nested beyond the stack", () => {
    const deep = `${schema}on deal created when amount == ${"(".repeat(50_000)}1${")".repeat(50_000)} -> open "Won"\n`;
    const sources = [{ path: "deep.rules", text: deep }];
    expect(streamChecks(sources)).toBeUndefined();
    expectSameAsWhole(sources);
  });

  it("checks whole when the parser fails on one part of a file", () => {
    // a parser bug, simulated: reading the word CRASHME throws
    const original = ParserBase.prototype.consumeInternal;
    const failing = vi.spyOn(ParserBase.prototype, "consumeInternal").mockImplementation(function (this: ParserBase, ...args) {
      if (this.LA(1).image === "CRASHME") throw new TypeError("simulated parser failure");
      return original.apply(this, args);
    });
    try {
      const sources = [
        { path: "a.rules", text: `entity lead { name: CRASHME }\non deal created -> set zz = "x"\n` },
        { path: "s.rules", text: schema },
      ];
      expect(streamChecks(sources)).toBeUndefined();
      expectSameAsWhole(sources);
      expect(checkSources(sources).diagnostics.map((diagnostic) => diagnostic.code)).toContain("SC0003");
    } finally {
      failing.mockRestore();
    }
  });

  it("reports the same for sources without rules, without items, or sharing a path", () => {
    expectSameAsWhole([{ path: "schema.rules", text: schema }]);
    expectSameAsWhole([{ path: "empty.rules", text: "// nothing yet\n" }, { path: "schema.rules", text: schema }]);
    expectSameAsWhole([{ path: "same.rules", text: schema }, { path: "same.rules", text: rules }]);
  });

  it("reports the same on mutated programs, in one file or split in two with the schema last", () => {
    const program = schemaFirst({ path: "fuzz.rules", text: section2 + extraDeclarations + section1 + section3 + section4 }).text;
    const fragments = ['"', "{", "}", "->", "on", "entity", "stage", "when", "(", ")", "==", "and", "after", "-1", "\n", "workflow", "test", "rule"];
    let streamed = 0;
    fc.assert(
      fc.property(mutatedProgram(program, fragments, 3), fc.boolean(), (text, split) => {
        const lines = text.split("\n");
        const middle = Math.floor(lines.length / 2);
        const sources = split
          ? [
              { path: "rules.rules", text: lines.slice(middle).join("\n") },
              { path: "schema.rules", text: lines.slice(0, middle).join("\n") },
            ]
          : [{ path: "fuzz.rules", text }];
        expectSameAsWhole(sources);
        if (streamChecks(sources) !== undefined) streamed++;
      }),
      { numRuns: 120 },
    );
    // the property exercises streaming, not the whole check it falls back to
    expect(streamed).toBeGreaterThan(100);
  });
});
