import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("TemplateCheck", () => {
  it("reports unknown templates", () => {
    expectAt(`on deal created -> send email <|>"Docs reminer" to contact`, "SC2005", ['Did you mean "Docs reminder"?']);
  });
  it("reports a template of the wrong kind", () => {
    expectAt(`on deal created -> send email <|>"Reminder" to contact`, "SC2301", ["is an sms template", "needs an email template"]);
  });
  it("reports placeholders that are not field paths of the rule's record", () => {
    expectAt(
      `template sms "Ping" "Hi {contact.<|>nme}"
on deal created -> send sms "Ping" to contact
on deal created -> notify responsible "About {<|>titel}"`,
      "SC2302",
      ["{contact.nme}", "Did you mean `name`?", "{titel}", "Did you mean `title`?"],
    );
  });
  it("reports a template's bad placeholder once, at the template, whatever number of rules send it", () => {
    expectAt(
      `template sms "Ping" "Hi {<|>nme}"
on deal created -> send sms "Ping" to contact
on deal updated -> send sms "Ping" to contact
on deal stage "New" open -> send sms "Ping" to contact`,
      "SC2302",
      ["`nme` is not a field of `deal` (sent by a rule on `deal`)"],
    );
  });
  it("reports a placeholder default that is not quoted text, in templates and in written texts", () => {
    expectAt(
      `template sms "Ping" "Hi <|>{contact.name|there}"
on deal created -> set title = "for <|>{contact.name|0}"
on deal created -> notify responsible "About <|>{title|}"`,
      "SC2303",
      ["Template \"Ping\" (text) gives {contact.name|there}", "e.g. {contact.name|'there'}", "The text of `set` gives {contact.name|0}", "(nothing)"],
    );
  });
  it("accepts quoted defaults", () => {
    expectClean(`template sms "Ping" "Hi {contact.name|'there'}"
on deal created {
  send sms "Ping" to contact
  notify responsible "About {title|\\"a deal\\"}"
}`);
  });
  it("reports unknown template kinds", () => {
    expectAt(`template <|>letter "Hi" "Hello"`, "SC2012");
  });
  it("accepts templates of the right kind whose placeholders resolve", () => {
    expectClean(`on deal stage "New" open {
  send email "Docs reminder" to contact
  send sms "Reminder" to contact
  create task "Call back" for responsible
  generate report "Offer" and email "Docs reminder" to contact
  request signature "Offer" from contact
  notify installer "Deal {title} for {contact.name}"
}`);
  });
});
