import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("EventCheck", () => {
  it("reports unknown events", () => {
    expectAt(`on deal <|>invoice.payed -> create task "Call back"`, "SC2007", ['Did you mean "invoice.paid"?']);
  });
  it("reports unknown payload fields", () => {
    expectAt(`on deal invoice.paid when event.<|>amont > 5 -> create task "Call back"`, "SC2008", ["Did you mean `amount`?"]);
  });
  it("reports event fields outside event rules", () => {
    expectAt(`on deal created when <|>event.amount > 5 -> create task "Call back"`, "SC2009");
  });
  it("accepts stdlib and declared events and their fields", () => {
    expectClean(`event "webinar.attended" { title: text }
on deal "webinar.attended" when event.title == "Solar" -> create task "Call back"
on deal link.clicked when event.url != "x" -> move to "Validation"`);
  });
});
