// The text-level reading behind completion and hover: what a quoted string
// means, which entity a rule is about, what may be written after a word.
import { describe, expect, it } from "vitest";
import type { SymbolIndex } from "../../playground/checking/symbol-index";
import { replacementFor } from "../../playground/language/quick-fixes";
import {
  meaningOfQuote, quotedStringAt, recordFieldSlotAt, ruleEntityAt, ruleTextAfter, ruleTextBefore, wordSlotAt,
} from "../../playground/language/source-context";

const at = { offset: 0, line: 1, column: 1 };
const range = { start: at, end: at };
const symbols: SymbolIndex = {
  entities: [
    {
      name: "contact",
      file: "s.rules",
      range,
      fields: [{ name: "name", file: "s.rules", range, typeText: "text" }],
      implicitFields: [{ name: "id", typeText: "text" }, { name: "responsible", typeText: "user?" }],
      stages: [],
    },
    {
      name: "deal",
      file: "s.rules",
      range,
      fields: [{ name: "contact", file: "s.rules", range, typeText: "contact", reference: "contact" }],
      implicitFields: [{ name: "id", typeText: "text" }, { name: "responsible", typeText: "user?" }, { name: "stage", typeText: "stage of deal?" }],
      pipeline: "sequential",
      stages: [{ name: "Won", file: "s.rules", range, entity: "deal", outcome: "won" }],
    },
  ],
  templates: [],
  teams: [],
  events: [],
};

/** Splits `text` at the `|` marker: the text before it, and the 1-based column of the cursor. */
function cursor(text: string): { line: string; column: number } {
  const index = text.indexOf("|");
  return { line: text.replace("|", ""), column: index + 1 };
}

describe("quoted strings", () => {
  it.each([
    ['on deal stage "W|', "stage"],
    ['  move to "W|"', "stage"],
    ['  open "|', "stage"],
    ['when is open "|', "stage"],
    ['  send email "|" to contact', "template"],
    ['  send sms "R|', "template"],
    ['  create task "|', "template"],
    ['  generate report "Offer" and email "|', "template"],
    ['  notify responsible "|', "other"],
  ])("%s is a %s name", (text, kind) => {
    const { line, column } = cursor(text);
    expect(quotedStringAt(line, column)?.meaning.kind).toBe(kind);
  });

  it("knows the template kind", () => {
    expect(meaningOfQuote("  send sms ")).toEqual({ kind: "template", templateKind: "sms" });
    expect(meaningOfQuote("  request signature ")).toEqual({ kind: "template", templateKind: "report" });
  });

  it("spans the text between the quotes", () => {
    const { line, column } = cursor('  move to "Do|cs" allow back');
    expect(quotedStringAt(line, column)).toMatchObject({ text: "Docs", startColumn: 12, endColumn: 16 });
  });

  it("is not inside a closed string or a comment", () => {
    expect(quotedStringAt('open "A" |', 10)).toBeNull();
    expect(quotedStringAt('// open "|', 10)).toBeNull();
  });
});

describe("the rule's entity", () => {
  it("reads `on <entity>` from the rule's first line", () => {
    const lines = ['rule "R": on deal created {', "  set x = 1", "}"];
    expect(ruleEntityAt(lines, 1, symbols)?.name).toBe("deal");
  });

  it("finds the owner of an entity-less stage subject", () => {
    expect(ruleEntityAt(['on stage "Won" open -> notify responsible "x"'], 0, symbols)?.name).toBe("deal");
  });

  it("stops at a declaration", () => {
    expect(ruleEntityAt(["on deal created -> stop", "entity contact {", "  name: text"], 2, symbols)).toBeUndefined();
  });
});

describe("word slots", () => {
  const deal = symbols.entities[1];
  it.each([
    ["on ", "entity-or-stage"],
    ["on deal ", "event"],
    ["on deal inv", "event"],
    ["  assign installer from ", "team"],
    ["  create ", "created-thing"],
    ["  send ", "message-kind"],
    ["  when amount > ", "expression"],
  ])("after %j comes a %s", (before, kind) => {
    expect(wordSlotAt(before, deal, symbols).kind).toBe(kind);
  });

  it("offers a reference's fields after its dot", () => {
    expect(wordSlotAt("when contact.na", deal, symbols)).toEqual({ kind: "member", entity: "contact" });
  });
});

describe("quick fixes", () => {
  it("writes the suggested name the way the name under the marker is written", () => {
    expect(replacementFor('"Wonn"', 'Unknown stage "Wonn" of `deal`. Did you mean "Won"?')).toBe('"Won"');
    expect(replacementFor("amout", "Unknown field `amout` of `deal`. Did you mean `amount`?")).toBe("amount");
    expect(replacementFor("titel", 'unknown field "titel" for deal (did you mean "title"? expected one of: "title")')).toBe("title");
  });

  it("offers nothing without a suggestion", () => {
    expect(replacementFor('"Nope"', 'Unknown sms template "Nope".')).toBeNull();
    expect(replacementFor("x", 'Unknown field `x`. Known: `a`, `b`.')).toBeNull();
  });
});

describe("keys of a created record", () => {
  it.each([
    ["on deal updated -> create contact with { |", []],
    ["on deal updated -> create contact with { na|", []],
    ["on deal updated -> create contact with { name: title, |", ["name"]],
    ['on deal updated -> create contact with { name: "a, {b", |', ["name"]],
    ["on deal updated {\n  create contact with {\n    name: title,\n    |", ["name"]],
    ["on deal updated {\n  create contact with { // } closes nothing\n    |", []],
    // commas are optional between fields on their own lines
    ["on deal updated {\n  create contact with {\n    name: title\n    |", ["name"]],
    ["on deal updated -> create contact with { name: title email: x, |", ["name", "email"]],
    // fields written after the cursor count too; a key typed over is the one being completed
    ["on deal updated -> create contact with { |, name: title }", ["name"]],
    ["on deal updated {\n  create contact with {\n    |\n    name: title\n  }\n}", ["name"]],
    ["on deal updated -> create contact with { nm|ae: title, email: x }", ["email"]],
  ])("%j is a field of contact (written: %j)", (text, written) => {
    const cursorAt = text.indexOf("|");
    expect(recordFieldSlotAt(text.slice(0, cursorAt), symbols, text.slice(cursorAt + 1))).toEqual({ kind: "record-field", entity: "contact", written });
  });

  it.each([
    ["on deal updated -> create contact with { name: |"],
    ["on deal updated -> create contact with { name: ti|"],
    ["on deal updated -> create contact with { name: title } |"],
    ["on deal updated -> create task |"],
    ["on deal updated -> create nothing with { |"],
    ["on deal updated -> create contact with { name: f(a, |"],
    ["on deal updated {\n  create contact with {\n    name: first +\n    |"],
  ])("%j is not a key position", (text) => {
    expect(recordFieldSlotAt(text.slice(0, text.indexOf("|")), symbols)).toBeUndefined();
  });

  it("reads the rule from its first line up to the cursor", () => {
    const lines = ["entity x { a: text }", "on deal updated {", "  create contact with {", "    name: title,", "    na  "];
    expect(ruleTextBefore(lines, 4, 7)).toBe("on deal updated {\n  create contact with {\n    name: title,\n    na");
    expect(ruleTextBefore(["one line"], 0, 4)).toBe("one");
  });

  it("reads the rest of the item after the cursor, not the items below it", () => {
    const lines = ["on deal updated {", "  create contact with { na", "  send sms \"R\" to contact", "}", "on contact created -> create contact with { email: x }", "entity z { a: text }"];
    expect(ruleTextAfter(lines, 1, 27)).toBe('\n  send sms "R" to contact\n}');
    // a record not closed yet: keys of the items below do not count as written
    const open = ["on deal updated -> create contact with { na", "on contact created -> create contact with { email: x }"];
    expect(ruleTextAfter(open, 0, 44)).toBe("");
    expect(recordFieldSlotAt(ruleTextBefore(open, 0, 44), symbols, ruleTextAfter(open, 0, 44))).toEqual({ kind: "record-field", entity: "contact", written: [] });
  });
});
