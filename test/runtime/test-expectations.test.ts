// The `expect` forms: counts, `by rule`/`by workflow`, `before`, and times in
// the calendar's zone in failures (docs/language.md "Tests").
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runTests } from "../../runtime/index";

const declarations = `calendar { timezone "Europe/Rome" }
entity deal {
  title: text
  amount: money
  pipeline {
    stage "New"
    stage "Validation"
    stage "Won" won
  }
}
rule "Welcome": on deal created -> notify "desk@solar.example" "New deal {title}"
rule "Validate": on deal created when amount > 100 -> move to "Validation"
rule "Remind": on deal stage "Validation" open after 1 day -> notify "desk@solar.example" "Check {title}"
workflow "Nurture" per deal {
  enroll on deal created
  wait 2 days
  notify "desk@solar.example" "Nurture {title}"
}
`;

/** Each expect line of one test, run alone: its failure message, or "ok". */
function outcomes(expectLines: string[], amount = 500): string[] {
  const tests = expectLines
    .map((line, index) => `test "t${index}" {\n  at 2026-01-05T09:00+01:00 "deal/S1" created { title: "Roof", amount: ${amount} }\n  until 2026-01-10T00:00Z\n  ${line}\n}\n`)
    .join("");
  const compiled = compileSources([{ path: "t.rules", text: declarations + tests }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([]);
  return runTests(compiled.program!).map((result) => (result.passed ? "ok" : result.failures.map((failure) => failure.message).join("\n")));
}

describe("expect N", () => {
  it("passes when exactly N outputs match, and lists them when not", () => {
    const [three, two, none, zero] = outcomes(["expect 3 notify", "expect 2 notify", "expect 1 email.send", "expect 0 email.send"]);
    expect(three).toBe("ok");
    expect(zero).toBe("ok");
    expect(two).toBe(
      [
        "expected 2 notify, got 3:",
        `  notify for deal/S1 at 2026-01-05 09:00 (08:00 UTC) { to: "desk@solar.example", text: "New deal Roof" } (rule Welcome, after the event of line 25)`,
        `  notify for deal/S1 at 2026-01-06 09:00 (08:00 UTC) { to: "desk@solar.example", text: "Check Roof" } (rule Remind, after the event of line 25)`,
        `  notify for deal/S1 at 2026-01-07 09:00 (08:00 UTC) { to: "desk@solar.example", text: "Nurture Roof" } (rule Nurture, after the event of line 25)`,
      ].join("\n"),
    );
    expect(none).toBe("expected 1 email.send, got none; there was no email.send output at all");
  });
});

describe("expect … by", () => {
  it("matches the outputs of that rule or workflow only", () => {
    expect(outcomes([`expect 1 notify by rule "Remind"`, `expect notify { text: "Nurture Roof" } by workflow "Nurture"`, `expect no notify by rule "Validate"`])).toEqual(["ok", "ok", "ok"]);
    const [wrong] = outcomes([`expect notify { text: "New deal Roof" } by rule "Remind"`]);
    expect(wrong).toMatch(/^expected notify with \{ text: "New deal Roof" \} by "Remind"; the notify outputs were:\n/);
  });
});

describe("expect … at", () => {
  it("matches the instant whatever the offset it is written with, and shows the calendar's zone with UTC beside", () => {
    expect(outcomes([`expect notify by rule "Remind" at 2026-01-06T09:00+01:00`, `expect notify by rule "Remind" at 2026-01-06T08:00Z`])).toEqual(["ok", "ok"]);
    const [late] = outcomes([`expect notify by rule "Remind" at 2026-01-06T09:00Z`]);
    expect(late).toMatch(/^expected notify by "Remind" at 2026-01-06 10:00 \(09:00 UTC\); the notify outputs were:/);
  });
});

describe("expect A before B", () => {
  it("passes when the first A comes before the first B, in time and in cascade order", () => {
    expect(
      outcomes([
        `expect stage.opened { stage: "Validation" } before notify by rule "Remind"`,
        `expect notify by rule "Welcome" before stage.opened`,
        `expect no notify by workflow "Nurture" before notify by rule "Remind"`,
      ]),
    ).toEqual(["ok", "ok", "ok"]);
  });

  it("says which came first when the order is wrong, and what was missing", () => {
    const [reversed, noLater, noEarlier, negated] = outcomes([
      `expect notify by rule "Remind" before notify by rule "Welcome"`,
      `expect notify before stage.opened { stage: "Won" }`,
      `expect stage.opened { stage: "Won" } before notify`,
      `expect no notify before stage.opened { stage: "Won" }`,
    ]);
    expect(reversed).toBe(
      [
        `expected notify by "Remind" before notify by "Welcome", but it came after:`,
        `  notify for deal/S1 at 2026-01-05 09:00 (08:00 UTC) { to: "desk@solar.example", text: "New deal Roof" } (rule Welcome, after the event of line 20)`,
        "then",
        `  notify for deal/S1 at 2026-01-06 09:00 (08:00 UTC) { to: "desk@solar.example", text: "Check Roof" } (rule Remind, after the event of line 20)`,
      ].join("\n"),
    );
    expect(noLater).toMatch(/^expected notify before stage\.opened with \{ stage: "Won" \}, but there was no stage\.opened with \{ stage: "Won" \}; the stage\.opened outputs were:\n  stage\.opened for deal\/S1/);
    expect(noEarlier).toMatch(/^expected stage\.opened with \{ stage: "Won" \} before notify, but there was no stage\.opened with \{ stage: "Won" \}; the stage\.opened outputs were:/);
    expect(negated).toMatch(/^expected no notify before stage\.opened with \{ stage: "Won" \}, got 3:\n(  notify for deal\/S1 .*\n){3}there was no stage\.opened with \{ stage: "Won" \}$/);
  });

  it("fails when B never comes and A does not either", () => {
    const [both] = outcomes([`expect stage.opened { stage: "Validation" } before notify by rule "Remind"`], 50);
    expect(both).toMatch(/^expected stage\.opened with \{ stage: "Validation" \} before notify by "Remind", but there was no stage\.opened with \{ stage: "Validation" \}; there was no stage\.opened output at all$/);
  });
});
