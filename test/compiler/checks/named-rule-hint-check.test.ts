import { describe, expect, it } from "vitest";
import { checkSources } from "../../../compiler/check";
import { declarations } from "./marked";

/** The SC2610 hints of `source` (beside the reference's declarations): line, column and message. */
function hints(source: string): Array<[number, number, string]> {
  const { diagnostics } = checkSources(
    [
      { path: "declarations.rules", text: declarations },
      { path: "test.rules", text: source },
    ],
    { hints: true },
  );
  return diagnostics.filter((d) => d.code === "SC2610").map((d) => [d.range.start.line, d.range.start.column, d.message]);
}

describe("NamedRuleHintCheck", () => {
  it("hints at an unnamed rule another rule reacts to, naming the trigger and a free name", () => {
    const found = hints(`on deal invoice.paid -> move to "Won"
rule "Thanks": on deal stage "Won" open -> notify responsible "won"
rule "deal invoice.paid": on deal created -> notify responsible "taken"`);
    expect(found).toEqual([[1, 1, expect.stringContaining('(deal stage "Won" open)')]]);
    expect(found[0]![2]).toContain('`rule "deal invoice.paid 2": …`');
  });
  it("follows a set on another record to the becomes rule that reads it", () => {
    expect(hints(`on deal created -> set contact.name = "VIP"
rule "VIP": on deal becomes contact.name == "VIP" -> notify responsible "vip"`)).toEqual([[1, 1, expect.stringContaining("(contact.name changed)")]]);
  });
  it("leaves named rules, rules nothing reacts to, and rules that only re-trigger themselves alone", () => {
    expect(hints(`rule "Paid": on deal invoice.paid -> move to "Won"
on deal stage "Won" open -> notify responsible "won"
on deal updated -> set title = "t"`)).toEqual([]);
  });
  it("is a hint that stagecraft check does not report", () => {
    const { diagnostics } = checkSources([
      { path: "declarations.rules", text: declarations },
      { path: "test.rules", text: `on deal invoice.paid -> move to "Won"\non deal stage "Won" open -> notify responsible "won"` },
    ]);
    expect(diagnostics.filter((d) => d.code === "SC2610")).toEqual([]);
  });
});
