// The expression parser builds its trees by precedence climbing over one flat
// operator loop. These cases pin its output (tree shape, ranges, syntax errors)
// to the trees and errors recorded in fixtures/expression-shapes.json.
import { describe, expect, it } from "vitest";
import { handPicked, parsedShape, randomCases } from "./expression-cases";
import { fixture } from "./helpers";

const recorded = JSON.parse(fixture("expression-shapes.json")) as Record<string, string>;

describe("expression shapes", () => {
  it("match the recorded trees and errors for every case", () => {
    const cases = [...new Set([...handPicked, ...randomCases(700)])];
    expect(cases.length).toBe(Object.keys(recorded).length);
    const differing = cases.filter((text) => parsedShape(text) !== recorded[text]);
    expect(differing.map((text) => `${text}\n  now:    ${parsedShape(text)}\n  before: ${recorded[text]}`)).toEqual([]);
  });

  it("bind tighter operators first and keep not over a whole comparison", () => {
    expect(parsedShape("not a == b")).toMatch(/^\(UnaryExpr not@21-31 operand=\(BinaryExpr ==@25-31/);
    expect(parsedShape("not a and b")).toMatch(/^\(BinaryExpr and@21-32 left=\(UnaryExpr not@21-26/);
    expect(parsedShape("a * b + c")).toMatch(/^\(BinaryExpr \+@21-30 left=\(BinaryExpr \*@21-26/);
    expect(parsedShape("a - b - c")).toMatch(/^\(BinaryExpr -@21-30 left=\(BinaryExpr -@21-26/);
  });
});
