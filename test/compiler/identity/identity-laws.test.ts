// The laws of stable identity, property-tested on generated rule files: a
// rule's identity and the program fingerprint do not change when the files are
// formatted, when rules move between files, or when files and rules are reordered.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources, formatSource } from "../../../compiler/index";
import { programManifest } from "../../../runtime/program/identity";
import type { Program } from "../../../runtime/program/ir";
import { schema } from "../lower/schema";
import { rule } from "../format/arbitrary-rules";

function compile(files: readonly string[]): Program {
  const result = compileSources([{ path: "schema.rules", text: schema }, ...files.map((text, index) => ({ path: `part${index}.rules`, text }))]);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(`generated program has errors:\n${files.join("\n----\n")}\n${JSON.stringify(errors, null, 2)}`);
  return result.program!;
}

/** Every item's identity and behaviour digest; display names are left out, as an unnamed rule's is its position. */
function identities(program: Program): string[] {
  return programManifest(program).items.map((item) => `${item.kind} ${item.id} ${item.digest}`);
}

/** Rules numbered across all files (names must be unique), with a split of them into files. */
const rules = fc.array(rule, { minLength: 1, maxLength: 8 }).map((texts) => texts.map((text, index) => text.replace(/ #"/, ` ${index + 1}"`)));

const rulesAndShuffle = rules.chain((texts) =>
  fc.tuple(fc.constant(texts), fc.shuffledSubarray(texts, { minLength: texts.length, maxLength: texts.length })),
);

/** Splits the rules into files at the given points (each taken modulo the rule count). */
function intoFiles(texts: readonly string[], cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (texts.length + 1)))].sort((a, b) => a - b);
  const files: string[] = [];
  let start = 0;
  for (const point of [...points, texts.length]) {
    files.push(texts.slice(start, point).join("\n\n") + "\n");
    start = point;
  }
  return files;
}

describe("rule identity laws", () => {
  it("fmt keeps every identity, in order, and the fingerprint", () => {
    fc.assert(
      fc.property(rules, fc.array(fc.nat(), { maxLength: 2 }), (texts, cuts) => {
        const files = intoFiles(texts, cuts);
        const formatted = files.map((text, index) => formatSource(text, `part${index}.rules`).text);
        const before = compile(files);
        const after = compile(formatted);
        expect(after.rules.map((def) => def.id)).toEqual(before.rules.map((def) => def.id));
        expect(identities(after)).toEqual(identities(before));
        expect(programManifest(after).fingerprint).toBe(programManifest(before).fingerprint);
      }),
      { numRuns: 80 },
    );
  });

  it("moving rules between files and reordering files and rules keeps every identity and the fingerprint", () => {
    fc.assert(
      fc.property(rulesAndShuffle, fc.array(fc.nat(), { maxLength: 2 }), fc.array(fc.nat(), { maxLength: 3 }), ([texts, shuffled], cuts, otherCuts) => {
        const before = compile(intoFiles(texts, cuts));
        const after = compile(intoFiles(shuffled, otherCuts).reverse());
        expect([...after.rules.map((def) => def.id)].sort()).toEqual([...before.rules.map((def) => def.id)].sort());
        expect(identities(after)).toEqual(identities(before));
        expect(programManifest(after).fingerprint).toBe(programManifest(before).fingerprint);
      }),
      { numRuns: 80 },
    );
  });

  it("a rule's identity follows it: the same text has the same identity wherever it is", () => {
    fc.assert(
      fc.property(rules, fc.array(fc.nat(), { maxLength: 2 }), (texts, cuts) => {
        const alone = texts.map((text) => compile([text]).rules[0]!.id);
        const together = compile(intoFiles(texts, cuts)).rules.map((def) => def.id);
        // Identical unnamed rules are numbered in declaration order (#2, #3…); the first of each keeps the plain identity.
        const first = (id: string) => id.replace(/(#[0-9a-f]{16})#\d+$/, "$1");
        expect(together.map(first)).toEqual(alone);
      }),
      { numRuns: 60 },
    );
  });
});
