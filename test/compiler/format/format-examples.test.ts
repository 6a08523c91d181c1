// The formatter on the real rule sets in examples/ and the CONTRACT fixture:
// formatting any file keeps the folder's IR, and so does formatting the file
// after its layout was scrambled (tokens rejoined with random spacing,
// line breaks and comments).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanAll } from "../../grammar/helpers";
import { compileSources, formatSource, type SourceText } from "../../../compiler/index";
import { respaced } from "./arbitrary-rules";
import { irWithoutPositions } from "./ir-without-positions";

const root = join(import.meta.dirname, "../../..");
const folders = [
  ...readdirSync(join(root, "examples")).map((name) => join("examples", name)),
  join("test", "fixtures", "contract"),
].sort();

function sourcesOf(folder: string): SourceText[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith(".rules"))
    .sort()
    .map((name) => ({ path: `${folder}/${name}`, text: readFileSync(join(root, folder, name), "utf8") }));
}

/** The folder's IR, without what formatting may move. */
function irOf(sources: SourceText[]): unknown {
  const result = compileSources(sources);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify({ sources, errors }, null, 2));
  return irWithoutPositions(result.program);
}

function fmt(text: string, path: string): string {
  const result = formatSource(text, path);
  expect(result.diagnostics).toEqual([]);
  return result.text;
}

const cases = folders.flatMap((folder) => sourcesOf(folder).map((_, index) => ({ folder, index })));

describe("formatting the examples", () => {
  it.each(cases)("$folder file $index keeps its IR and is idempotent", ({ folder, index }) => {
    const sources = sourcesOf(folder);
    const source = sources[index]!;
    const formatted = fmt(source.text, source.path);
    expect(fmt(formatted, source.path)).toBe(formatted);
    const replaced = sources.map((other, at) => (at === index ? { ...other, text: formatted } : other));
    expect(irOf(replaced)).toEqual(irOf(sources));
  });

  it("keeps the IR of scrambled example files", () => {
    const scrambled = fc.constantFrom(...cases).chain(({ folder, index }) => {
      const sources = sourcesOf(folder);
      const tokens = scanAll(sources[index]!.text).tokens.map((token) => token.image);
      return respaced(tokens).map((text) => ({ sources, index, text }));
    });
    fc.assert(
      fc.property(scrambled, ({ sources, index, text }) => {
        const path = sources[index]!.path;
        const formatted = fmt(text, path);
        expect(fmt(formatted, path)).toBe(formatted);
        const replaced = sources.map((other, at) => (at === index ? { ...other, text: formatted } : other));
        expect(irOf(replaced)).toEqual(irOf(sources));
      }),
      { numRuns: 60 },
    );
  });
});
