// Issue 11: a failing test points at the line that failed (the expect, or the
// event or `until` the run stopped at), never at the test header, and shows no
// id the user did not write (a test's events have none; lowering invents them).
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runTests } from "../../runtime/index";
import { section2Declarations } from "../fixtures/language-declarations";

function failuresOf(rules: string): Array<{ line: number; message: string }> {
  const compiled = compileSources([
    { path: "declarations.rules", text: section2Declarations },
    { path: "t.rules", text: rules },
  ]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return runTests(compiled.program!).flatMap((test) => test.failures.map((f) => ({ line: f.location.line, message: f.message })));
}

describe("test failures", () => {
  it("point at the expect line and describe outputs by rule and event line, without ids", () => {
    const failures = failuresOf(`rule "Welcome": on deal created -> send email "Docs reminder" to "a@b.example"
on deal stage "New" open after 2 days -> send email "Docs reminder" to "b@b.example"
test "T" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5, stage: "New" }
  until 2026-01-05T00:00Z
  expect email.send "deal/S1" { to: "c@b.example" }
  expect no email.send { to: "a@b.example" }
}`);
    expect(failures.map((f) => f.line)).toEqual([6, 7]);
    expect(failures[0]!.message).toContain(`email.send for deal/S1 at 2026-01-01 10:00 (09:00 UTC) { template: "Docs reminder", to: "a@b.example" } (rule Welcome, after the event of line 4)`);
    expect(failures[0]!.message).toContain(`{ template: "Docs reminder", to: "b@b.example" } (rule t.rules:2, after the event of line 4)`);
    for (const failure of failures) expect(failure.message).not.toMatch(/\bt\d+\.e\d+|"id"|"cause"/);
  });

  it("point at the event the run stopped at", () => {
    const failures = failuresOf(`on deal updated -> set amount = amount + 1
test "T" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5 }
  at 2026-01-01T10:00Z "deal/S1" updated { amount: 6 }
  expect no notify
}`);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ line: 4 });
    expect(failures[0]!.message).toMatch(/^the run stopped here: cascade deeper than 100 derived events/);
  });

  it("point at the until line when a timer stops the run", () => {
    const failures = failuresOf(`on deal stage "New" open after 1 day -> set amount = 1
on deal updated -> set amount = amount + 1
test "T" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5, stage: "New" }
  until 2026-01-05T00:00Z
  expect no notify
}`);
    expect(failures.map((f) => f.line)).toEqual([5]);
  });
});
