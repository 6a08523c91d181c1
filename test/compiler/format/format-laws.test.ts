// The formatter's laws, property-tested: it is idempotent, it never changes
// the IR (locations and `file:line` names aside), it keeps every comment, and
// it never throws, whatever the text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources, formatSource } from "../../../compiler/index";
import { schema } from "../lower/schema";
import { ruleFile } from "./arbitrary-rules";
import { irWithoutPositions } from "./ir-without-positions";

/** The IR of the generated file, without what formatting may move. */
function irOf(text: string): unknown {
  const result = compileSources([
    { path: "schema.rules", text: schema },
    { path: "gen.rules", text },
  ]);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new Error(`generated program has errors:\n${text}\n${JSON.stringify(errors, null, 2)}`);
  return irWithoutPositions(result.program);
}

function fmt(text: string): string {
  const result = formatSource(text, "gen.rules");
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return result.text;
}

function commentsOf(text: string): string[] {
  return [...text.matchAll(/\/\/[^\r\n]*/g)].map((match) => match[0].trimEnd()).sort();
}

describe("formatter laws on generated rule files", () => {
  it("is idempotent: fmt(fmt(x)) == fmt(x)", () => {
    fc.assert(
      fc.property(ruleFile, (text) => {
        const once = fmt(text);
        expect(fmt(once)).toBe(once);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the meaning: the IR of fmt(x) equals the IR of x", () => {
    fc.assert(
      fc.property(ruleFile, (text) => {
        expect(irOf(fmt(text))).toEqual(irOf(text));
      }),
      { numRuns: 100 },
    );
  });

  it("keeps every comment", () => {
    fc.assert(
      fc.property(ruleFile, (text) => {
        expect(commentsOf(fmt(text))).toEqual(commentsOf(text));
      }),
      { numRuns: 100 },
    );
  });

  it("prints no trailing spaces, no tabs for indentation, and ends with one newline", () => {
    fc.assert(
      fc.property(ruleFile, (text) => {
        const once = fmt(text);
        expect(once).not.toMatch(/[ \t]+\n/);
        expect(once).not.toMatch(/^\t/m);
        expect(once).not.toMatch(/\n\n\n/);
        expect(once.endsWith("\n") && !once.endsWith("\n\n")).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("formatter robustness", () => {
  it("never throws on arbitrary text, and returns broken files unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = formatSource(text, "any.rules");
        if (result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) expect(result.text).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on damaged rule files", () => {
    const damaged = fc.tuple(ruleFile, fc.nat(), fc.nat({ max: 6 })).map(([text, at, length]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + text.slice(cut + length);
    });
    fc.assert(
      fc.property(damaged, (text) => {
        const result = formatSource(text, "any.rules");
        if (result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) expect(result.text).toBe(text);
        else expect(formatSource(result.text).text).toBe(result.text);
      }),
      { numRuns: 150 },
    );
  });
});
