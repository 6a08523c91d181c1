// The checker's walk reads only the child fields childKeys lists per node kind.
// This compares it with a look at every field of every object (how the walk
// found children before), on every example and test program and on broken
// variants of them: same nodes, same order.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateRuleSet } from "../../../bench/generate-rules";
import { declare } from "../../../compiler/binder/declarations";
import { bindRulesAndWorkflows } from "../../../compiler/binder/rules";
import { childKeys } from "../../../compiler/checks/child-keys";
import type { Check, CheckableNode, NodeChecks } from "../../../compiler/checks/context";
import { runChecks } from "../../../compiler/checks/run-checks";
import { typeProgram } from "../../../compiler/types/type-program";
import { parse, type SourceFile } from "../../../grammar/index";

/** Every kind the walk visited in any program of the first test, and the child fields it found filled. */
const visitedKinds = new Set<string>();
const filledFields = new Set<string>();

function rulesFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return rulesFiles(path);
    return entry.name.endsWith(".rules") ? [path] : [];
  });
}

/** Every node with a string kind, found by looking into every field, in field order. */
function everyField(value: unknown, found: CheckableNode[]): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const element of value) everyField(element, found);
    return;
  }
  const node = value as { kind?: unknown; missing?: boolean } & Record<string, unknown>;
  if (node.missing) return;
  if (typeof node.kind === "string" && node.kind !== "SourceFile") found.push(node as unknown as CheckableNode);
  for (const key in node) everyField(node[key], found);
}

function walked(file: SourceFile): CheckableNode[] {
  const visited: CheckableNode[] = [];
  const record = (node: CheckableNode) => visited.push(node);
  const nodes = Object.fromEntries(Object.keys(childKeys).map((kind) => [kind, record])) as NodeChecks;
  const recorder: Check = { name: "recorder", codes: [], nodes };
  const binding = declare([file]);
  bindRulesAndWorkflows(binding);
  typeProgram(binding);
  runChecks(binding, [recorder]);
  return visited;
}

function expectSameNodes(text: string, path: string): number {
  const { file } = parse(text, path);
  const expected: CheckableNode[] = [];
  for (const item of file.items) everyField(item, expected);
  const actual = walked(file);
  for (const node of actual) {
    visitedKinds.add(node.kind);
    for (const key of childKeys[node.kind] as readonly string[]) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (child !== undefined && !(Array.isArray(child) && child.length === 0)) filledFields.add(`${node.kind}.${key}`);
    }
  }
  expect(actual.map((node) => node.kind)).toEqual(expected.map((node) => node.kind));
  expect(actual.every((node, i) => node === expected[i])).toBe(true);
  return actual.length;
}

const root = join(import.meta.dirname, "../../..");
const programs = ["examples", "test/golden", "test/grammar/fixtures", "test/fixtures", "bench/fixtures"]
  .flatMap((folder) => rulesFiles(join(root, folder)))
  .map((path) => ({ path, text: readFileSync(path, "utf8") }));

// The kinds no example, golden or fixture program happens to contain: `not`, a
// minus sign, `is open`, `close`, `true`, and `wait until … timeout`.
const rareKinds = `entity deal { title: text  amount: money  won: bool  pipeline { stage "New" stage "Won" } }
on deal updated when not won and -amount < 0 and is open "New" and won == true -> close "New"
workflow "Waits" per deal {
  enroll on deal created
  wait until amount > 1000 timeout 3 days
  close "Won"
}
rule "Close": on deal created -> close "New"
test "Forms" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5 }
  expect 2 stage.closed "deal/S1" by rule "Close"
  expect stage.closed before stage.opened by workflow "Waits"
}`;

describe("the checker's walk", () => {
  it("visits the same nodes in the same order as a look at every field", () => {
    let total = 0;
    for (const { path, text } of programs) total += expectSameNodes(text, path);
    total += expectSameNodes(generateRuleSet(60), "generated.rules");
    expect(parse(rareKinds, "rare.rules").diagnostics).toEqual([]);
    total += expectSameNodes(rareKinds, "rare.rules");
    expect(programs.length).toBeGreaterThan(10);
    expect(total).toBeGreaterThan(1000);
    // the comparison only sees a new child field on a kind the programs contain, with
    // that field filled: so every kind is visited (but the file itself, which the walk
    // starts from, and ErrorExpr, which only broken text makes) and every child field
    // is filled somewhere, and a program change that loses one fails here
    const unvisited = Object.keys(childKeys).filter((kind) => kind !== "SourceFile" && kind !== "ErrorExpr" && !visitedKinds.has(kind));
    expect(unvisited).toEqual([]);
    const unfilled = Object.entries(childKeys).flatMap(([kind, keys]) =>
      kind === "SourceFile" ? [] : keys.map((key) => `${kind}.${key}`).filter((field) => !filledFields.has(field)),
    );
    expect(unfilled).toEqual([]);
  });

  it("does so on broken programs too (recovered and missing nodes)", () => {
    for (const { path, text } of programs.slice(0, 12)) {
      const lines = text.split("\n");
      for (let cut = 3; cut < lines.length; cut += 7) {
        const broken = [...lines.slice(0, cut), lines[cut]!.slice(0, Math.floor(lines[cut]!.length / 2)), ...lines.slice(cut + 1)];
        expectSameNodes(broken.join("\n"), path);
      }
    }
  });
});
