// Issue 11, item 6: the events of a test block get the events file's validation at
// `check`, placed on the part of the event at fault (before, each of these passed).
import { describe, expect, it } from "vitest";
import { diagnose, expectAt, expectClean } from "./marked";

const created = `"deal/S1" created { title: "Roof", amount: 5, channel: "web", contact: "contact/C1" }`;

describe("TestEventCheck", () => {
  it("reports an unknown field, with the field it was probably meant to be", () => {
    expectAt(`test "T" { at 2026-01-01T09:00Z "deal/S1" updated { <|>titel: "Roof" }  expect no notify }`, "SC3007", [
      `unknown field "titel" for deal (did you mean "title"?`,
    ]);
  });
  it("reports a value of the wrong type, every one of an event", () => {
    expectAt(`test "T" { at 2026-01-01T09:00Z "deal/S1" updated { amount: <|>"lots", channel: <|>"webb" }  expect no notify }`, "SC3008", [
      `field "amount" of deal must be a number, got "lots"`,
      `must be one of web, phone, partner, got "webb" (did you mean web?)`,
    ]);
  });
  it("reports an unknown stage, in a stage event and in a created", () => {
    expectAt(
      `test "T" {
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5, channel: "web", contact: "contact/C1", stage: <|>"Nwe" }
  at 2026-01-01T10:00Z "deal/S1" stage.opened { stage: <|>"Validaton" }
  expect no notify
}`,
      "SC3006",
      [`unknown stage "Nwe" for deal (did you mean "New"?`, `unknown stage "Validaton" for deal (did you mean "Validation"?`],
    );
  });
  it("reports missing required data: a stage event's stage, a catalog event's payload", () => {
    expectAt(
      `test "T" {
  at 2026-01-01T10:00Z "deal/S1" <|>stage.opened
  at 2026-01-01T10:00Z "deal/S1" <|>invoice.paid { invoice: "F-1" }
  expect no notify
}`,
      "SC3002",
      [`missing "data.stage"`, `missing "data.amount": event invoice.paid requires it (money)`],
    );
  });
  it("reports an event earlier than the one before it, and a second created", () => {
    const source = (early: string, again: string) => `test "T" {
  at 2026-01-02T09:00Z ${created}
  at ${early}2026-01-01T09:00Z "deal/S1" updated { amount: 6 }
  at 2026-01-03T09:00Z "deal/S1" ${again}created { title: "Again" }
  expect no notify
}`;
    expectAt(source("<|>", ""), "SC3009", ["time 2026-01-01T09:00Z is earlier than the previous event's 2026-01-02T09:00Z"]);
    expectAt(source("", "<|>"), "SC3012", [`record "deal/S1" already exists: line 2 created it`]);
  });
  it("starts each test from an empty store and its own clock", () => {
    expectClean(`test "A" { at 2026-01-02T09:00Z ${created}  expect no notify }
test "B" { at 2026-01-01T09:00Z ${created}  expect no notify }`);
  });
  it("says nothing more about an event another check refuses", () => {
    const found = diagnose(`test "T" { at 2026-01-01T09:00Z "dael/S1" created { titel: "x" }  at 2026-01-01T09:00Z "deal/S1" invoice.payed  expect no notify }`);
    expect(found.filter((d) => d.file === "test.rules").map((d) => d.code)).toEqual(["SC2701", "SC2702"]);
  });
});

describe("TestBlockCheck on a test without expect", () => {
  it("warns at the test's name", () => {
    expectAt(`test <|>"T" { at 2026-01-01T09:00Z ${created} }`, "SC2705", ['Test "T" has no `expect`']);
  });
});

describe("TestBlockCheck on until", () => {
  it("warns at an until before the last event, wherever it is written", () => {
    expectAt(`test "T" { until <|>2026-01-02T00:00Z  at 2026-01-03T09:00Z ${created}  expect no notify }`, "SC2708", [
      "`until` 2026-01-02T00:00Z is before the test's last event (2026-01-03T09:00Z)",
    ]);
    expectClean(`test "T" { at 2026-01-03T09:00Z ${created}  until 2026-01-03T10:00+01:00  expect no notify }`);
  });
});

describe("TestExpectCheck", () => {
  it("reports a key the output type never carries, with the key meant", () => {
    expectAt(`test "T" { expect email.send "deal/S1" { <|>tempalte: "Docs reminder" } }`, "SC2706", ["Did you mean `template`?"]);
  });
  it("reports an unknown template, stage and field", () => {
    expectAt(`test "T" { expect email.send { template: <|>"Docs remindr" } }`, "SC2005", ['Did you mean "Docs reminder"?']);
    expectAt(`test "T" { expect email.send { template: <|>"Reminder" } }`, "SC2005", ['"Reminder" is an sms template']);
    expectAt(`test "T" { expect stage.opened "deal/S1" { stage: <|>"Validaton" } }`, "SC2003", ['Did you mean "Validation"?']);
    expectAt(`test "T" { expect updated "deal/S1" { <|>titel: "Roof" } }`, "SC2002", ["Did you mean `title`?"]);
  });
  it("reports a value no output of the type can hold", () => {
    expectAt(`test "T" { expect updated "deal/S1" { amount: <|>"ten" } }`, "SC2707", ['`amount` of updated must be a number, got "ten".']);
    expectAt(`test "T" { expect sms.send { template: <|>5 } }`, "SC2707", ["`template` of sms.send"]);
  });
});
