import { describe, expect, it } from "vitest";
import { diagnose, expectAt, expectClean } from "./marked";

describe("UnknownEntityCheck", () => {
  it("reports unknown entities in subjects, create and field types, with a suggestion", () => {
    expectAt(
      `on <|>dael created -> create <|>contct
entity note { about: <|>dela }`,
      "SC2001",
      ["Did you mean `deal`?", "Did you mean `contact`?"],
    );
  });
  it("reports an unknown field type once: the field is of unknown type wherever it is used", () => {
    const source = `entity invoice {
  total: monie
  pipeline { stage "Open" stage "Paid" won }
}
event "invoice.sent" { sum: monie }
rule "Big": on invoice updated when total > 100 and total == 5 -> open "Paid"
on invoice invoice.sent when event.sum > 3 -> open "Paid"
test "T" {
  at 2026-01-01T09:00Z "invoice/I1" created { total: 5 }
  at 2026-01-01T10:00Z "invoice/I1" invoice.sent { sum: "x" }
  at 2026-01-01T11:00Z "invoice/I1" updated { total: 500 }
  expect stage.opened "invoice/I1" { stage: "Paid" }
  expect updated "invoice/I1" { total: 7 }
}`;
    const found = diagnose(source).filter((d) => d.file === "test.rules");
    expect(found.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`)).toEqual([
      "2:10 SC2001 Unknown type `monie`: neither a field type nor an entity. Did you mean `money`?",
      "5:29 SC2001 Unknown type `monie`: neither a field type nor an entity. Did you mean `money`?",
    ]);
  });
  it("accepts declared entities and primitive types", () => {
    expectClean(`entity note { about: deal  at: datetime }
on deal created -> create note with { about: this }`);
  });
});
