// A consumer project with the strictest options compiles against
// `stagecraft/runtime` as an installed package: package.json "exports" leads to
// declarations emitted the way `npm run build` emits them, never to our .ts sources.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitRuntimeTypes } from "../../scripts/runtime-types.mjs";

const root = join(import.meta.dirname, "..", "..");
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "stagecraft-consumer-"));
  const installed = join(project, "node_modules", "stagecraft");
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  emitRuntimeTypes(join(installed, "dist", "types"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  writeFileSync(join(project, "consumer.ts"), consumer);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

const consumer = `
import {
  createEngine, formatOutputLine, runEvents, validateEventLine, CascadeError,
  type CompiledProgram, type InputEvent, type OutputRecord, type Program, type Snapshot, type Value,
} from "stagecraft/runtime";

export function replay(program: Program, events: InputEvent[], compiled?: CompiledProgram): string[] {
  const engine = compiled === undefined ? createEngine(program) : createEngine(program, { compiled });
  const lines: string[] = [];
  for (const event of events) for (const output of engine.process(event)) lines.push(formatOutputLine(output));
  const snapshot: Snapshot = engine.snapshot();
  const resumed = createEngine(program, { snapshot });
  resumed.advanceTo("2026-02-01T00:00:00Z").forEach((output) => lines.push(formatOutputLine(output)));
  return lines;
}

export function firstTemplate(outputs: OutputRecord[]): Value | undefined {
  return outputs[0]?.data["template"];
}

export function check(program: Program, line: string): string {
  const result = validateEventLine(program, line);
  return "error" in result ? result.error.code : result.event.id;
}

export function all(program: Program, events: InputEvent[]): number {
  try {
    return runEvents(program, events).length;
  } catch (error) {
    if (error instanceof CascadeError) return -1;
    throw error;
  }
}
`;

function compile(moduleResolution: "nodenext" | "bundler"): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: moduleResolution === "nodenext" ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: moduleResolution === "nodenext" ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts"],
    types: [],
    strict: true,
    noPropertyAccessFromIndexSignature: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    noEmit: true,
  };
  const program = ts.createProgram([join(project, "consumer.ts")], options);
  const host = { getCanonicalFileName: (name: string) => name, getCurrentDirectory: () => project, getNewLine: () => "\n" };
  const sources = program.getSourceFiles().map((file) => file.fileName).filter((name) => name.includes("node_modules/stagecraft/"));
  expect(sources.every((name) => name.endsWith(".d.ts"))).toBe(true);
  expect(sources.length).toBeGreaterThan(1);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.formatDiagnostic(diagnostic, host));
}

describe("stagecraft/runtime for a consumer", () => {
  it("compiles with strict options under Node's module resolution", () => {
    expect(compile("nodenext")).toEqual([]);
  });

  it("compiles with strict options under a bundler's module resolution", () => {
    expect(compile("bundler")).toEqual([]);
  });
});
