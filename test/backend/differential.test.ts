// Differential test: for generated rule sets and event streams, the emitted
// module and the in-process backend give byte-identical output (and stop on the
// same error, e.g. an endless cascade), and the module's own code is what runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledProgram } from "../../runtime/index";
import { compileProgram, runBothBackends, runLines } from "./harness";
import { eventStream, ruleFile, schema } from "./arbitrary-programs";

/** Wraps every function of a CompiledProgram so the test can see that the engine called them. */
function counted(compiled: CompiledProgram): { compiled: CompiledProgram; calls: () => number } {
  let calls = 0;
  const wrap = (value: unknown): unknown => {
    if (typeof value === "function") {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        calls++;
        return fn(...args);
      };
    }
    if (Array.isArray(value)) return value.map(wrap);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wrap(inner)]));
    return value;
  };
  return { compiled: wrap(compiled) as CompiledProgram, calls: () => calls };
}

describe("emitted module vs in-process backend", () => {
  it("byte-identical output on generated rules and events", async () => {
    let fired = 0;
    let moduleCalls = 0;
    await fc.assert(
      fc.asyncProperty(ruleFile, eventStream, async (rules, events) => {
        const program = compileProgram([
          { path: "schema.rules", text: schema },
          { path: "rules.rules", text: rules },
        ]);
        const { inProcess, module, loaded } = await runBothBackends(program, events.lines, events.until);
        expect(module.lines).toEqual(inProcess.lines);
        expect(module.stop).toBe(inProcess.stop);
        expect(inProcess.stop ?? "").not.toMatch(/^SC3/); // the generated input is always valid
        if (inProcess.lines.length > 0) fired++;
        const probe = counted(loaded.compiled);
        runLines(loaded.program, probe.compiled, events.lines, events.until);
        moduleCalls += probe.calls();
      }),
      { numRuns: 60 },
    );
    // The properties were not vacuous: rules fired, and through the module's functions.
    expect(fired).toBeGreaterThan(30);
    expect(moduleCalls).toBeGreaterThan(0);
  }, 120_000);
});
