import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("RecipientCheck", () => {
  it("reports recipients that cannot receive", () => {
    expectAt(`entity memo { text: text }
entity visit { memo: memo  deal: deal }
on deal created -> send sms "Reminder" to <|>amount
on deal created -> notify <|>"bo b" "Hello"
on visit created -> notify <|>memo "x"`, "SC2315", ["`amount` is money", "has no email or phone field"]);
  });
  it("accepts contacts, users, emails, responsible and quoted users", () => {
    expectClean(`on deal created {
  send email "Docs reminder" to contact cc installer
  send sms "Reminder" to contact.phone
  create task "Call back" for responsible
  notify "alice@solar.example" "New deal"
}`);
  });
});
