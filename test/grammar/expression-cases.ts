// Expression texts for the precedence tests: hand-picked shapes plus a seeded
// stream of random operator/operand sequences (many of them malformed on
// purpose, so syntax error messages and positions are pinned down too).
import { parse } from "../../grammar/index";

const operands = ["a", "b.c", "1", "2.5", '"x"', "true", "none", "this", "-a", "- -1", "f(a, 1)", "[a, 1]", "(a or b)", 'is open "S"', "2026-01-01"];
const operators = ["and", "or", "==", "!=", "<", ">=", "+", "-", "*", "/", "in [1, b]", "in []"];
const stray = ["not", "not", "(", ")", ",", "in", "[", "]", "==", "-", ""];

export const handPicked = [
  "a or b or c", "a and b or c", "a or b and c", "not a == b", "not a and b", "not not a or b", "a and not b == c + 1",
  "a == b + c * d", "a * b + c * d - e / f", "a - b - c", "a / b / c", "-a * b", "a + b in [1, 2]", "not a in [1]",
  "a in [1] and b in [2] or c", "(a + b) * c", "a * (b + c)", "(a) + (b)", "a == b == c", "a in [1] in [2]",
  "a in [1] + 1", "a in [1] == b", "a == b in [1]", "a == not b", "a + not b", "a and", "a ==", "not", "a + * b",
  "a < b and b < c or not (c >= d)", "f(a + b, not c) == [1, a * 2]", "a != none and b.c > 3 * (2 - x)",
  "a not in [1, 2]", "a + b not in [1] and c", "not a not in [1]", "a not in [1] not in [2]", "a == b not in [1]",
  "a not in [1] + 1", "a not b", "a not", "a not in 1",
];

/** A small deterministic generator (mulberry32), so the cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomCases(count: number, seed = 20260101): string[] {
  const next = random(seed);
  const pick = (list: string[]): string => list[Math.floor(next() * list.length)]!;
  const cases: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    const length = 1 + Math.floor(next() * 6);
    let operator = "and";
    for (let j = 0; j < length; j++) {
      // `not` is only valid at the start or after and/or; elsewhere it is rarely tried
      if (next() < (operator === "and" || operator === "or" ? 0.3 : 0.03)) parts.push("not");
      parts.push(next() < 0.05 ? pick(stray) : pick(operands));
      operator = next() < 0.05 ? pick(stray) : pick(operators);
      if (j < length - 1) parts.push(operator);
    }
    cases.push(parts.filter((part) => part !== "").join(" "));
  }
  return cases;
}

type Node = { kind?: string; operator?: string; start?: number; end?: number };

/** A compact, order-preserving picture of a syntax tree: kind, operator, span and children. */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shapeOf).join(" ")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const node = value as Node & Record<string, unknown>;
  const range = node.start !== undefined ? `@${node.start}-${node.end}` : "";
  const fields = Object.entries(node)
    .filter(([key]) => key !== "kind" && key !== "start" && key !== "end" && key !== "operator")
    .map(([key, field]) => `${key}=${shapeOf(field)}`);
  return `(${node.kind ?? ""}${node.operator ? ` ${node.operator}` : ""}${range} ${fields.join(" ")})`;
}

/** The condition of `on deal created when <text> { … }` and every diagnostic, as one string. */
export function parsedShape(text: string): string {
  const source = `on deal created when ${text} {\n  move to "X"\n}\n`;
  const { file, diagnostics } = parse(source, "case.rules");
  const item = file.items[0] as { condition?: unknown } | undefined;
  const problems = diagnostics.map((d) => `${d.range.start.offset}-${d.range.end.offset} ${d.code} ${d.message}`);
  return `${item?.condition ? shapeOf(item.condition) : "-"} ${problems.join(" | ")}`;
}
