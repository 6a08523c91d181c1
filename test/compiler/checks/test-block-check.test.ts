import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("TestBlockCheck", () => {
  it("reports bad records", () => {
    expectAt(`test "T" { at 2026-01-01T09:00Z <|>"dael/S1" created
  at 2026-01-01T09:00Z <|>"S1" created }`, "SC2701", ["Did you mean `deal`?"]);
  });
  it("reports unknown event types", () => {
    expectAt(`test "T" { at 2026-01-01T09:00Z "deal/S1" <|>invoice.payed }`, "SC2702", ['Did you mean "invoice.paid"?']);
  });
  it("reports unknown output types", () => {
    expectAt(`test "T" { expect <|>email.sent "deal/S1" }`, "SC2704", ['Did you mean "email.send"?']);
  });
  it("accepts the language reference test", () => {
    expectClean(`test "Docs reminder after four days" {
  at 2026-01-01T09:30+01:00 "deal/S1" stage.opened { stage: "Documentation pending" }
  until 2026-01-10T00:00Z
  expect email.send "deal/S1" { template: "Docs reminder", to: "contact/C1" } at 2026-01-05T08:30Z
  expect no sms.send
}`);
  });
});
