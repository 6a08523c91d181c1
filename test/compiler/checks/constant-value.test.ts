// The checker's constant folding (which finds conditions that are always false)
// must agree with the engine: for any literal-only condition, the folded value
// is the value the runtime computes for the lowered expression.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../../compiler/index";
import { constantValue } from "../../../compiler/checks/constant-value";
import type * as ast from "../../../grammar/ast";
import { compileExpr } from "../../../runtime/expressions/compile-expr";
import type { EvalContext } from "../../../runtime/types";
import { schema } from "../lower/schema";

const numeric: fc.Arbitrary<string> = fc.letrec<{ num: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: 9 }).map(String),
    fc.constantFrom("0.5", "-3"),
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num")).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
})).num;

const date = fc.constantFrom("2026-03-29", "2026-03-30", "2026-03-29T00:00:00+02:00", "2026-03-28T23:00:00Z", "2026-03-29T09:30:00+01:00");

const condition: fc.Arbitrary<string> = fc.letrec<{ bool: string }>((tie) => ({
  bool: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("true", "false"),
    fc.tuple(numeric, fc.constantFrom("==", "!=", "<", "<=", ">", ">="), numeric).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(date, fc.constantFrom("==", "!=", "<", ">="), date).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie("bool"), fc.constantFrom("and", "or"), tie("bool")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("bool").map((inner) => `not (${inner})`),
  ),
})).bool;

const zone = "Europe/Rome";

describe("constant folding", () => {
  it("gives the value the engine computes for the same literal-only condition", () => {
    fc.assert(
      fc.property(condition, (text) => {
        const rules = `rule "R": on deal updated when ${text} -> set amount = 1\n`;
        const result = compileSources([
          { path: "schema.rules", text: schema },
          { path: "gen.rules", text: rules },
        ]);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const decl = result.files[1]!.items[0] as ast.RuleDecl;
        const lowered = result.program!.rules[0]!.condition!;
        const ctx = { calendar: { timezone: zone } } as unknown as EvalContext;
        expect(constantValue(decl.condition!, zone)).toEqual(compileExpr(lowered).evaluate(ctx));
      }),
      { numRuns: 150 },
    );
  });
});
