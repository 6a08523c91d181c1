// A run whose one step yields hundreds of thousands of outputs (a timer loop
// months ahead) is an ordinary run: `run` and `test` once passed each step's
// outputs as call arguments and died with "Maximum call stack size exceeded".
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runEvents, runTests } from "../../runtime/index";
import { timerLoopOutputs, timerLoopRules, timerLoopStart } from "../fixtures/timer-loop";

const rules = `${timerLoopRules}
test "a loop of four months" {
  at ${timerLoopStart.at} "${timerLoopStart.entity}" created { title: "x", stage: "A" }
  until 2026-05-01T00:00:00Z
  expect stage.opened "deal/D1" { stage: "B" }
}
`;

describe("long runs", () => {
  const { program, diagnostics } = compileSources([{ path: "loop.rules", text: rules }]);

  it("compiles, warned of the loop (SC2601) and nothing else", () => {
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning SC2601"]);
  });

  it("runEvents returns every output of a step with more than 300,000 of them", () => {
    const [test] = program!.tests;
    const outputs = runEvents(program!, test!.events, { until: test!.until });
    // Two outputs a minute from Jan 1 to May 1 (120 days).
    expect(outputs.length).toBe(timerLoopOutputs(120));
  });

  it("the test runner keeps them too", () => {
    const [result] = runTests(program!);
    expect(result!.failures).toEqual([]);
    expect(result!.outputs.length).toBe(timerLoopOutputs(120));
  });
});
