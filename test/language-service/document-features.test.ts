// Outline, folding, semantic tokens, formatting, quick fixes and diagnostics.
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/index";
import { LanguageService } from "../../language-service/index";
import { replacementFor } from "../../language-service/code-actions";
import { schema, withCursor } from "./helpers";

describe("document features", () => {
  it("outlines a file's items with an entity's fields and stages", () => {
    const { service } = withCursor('rule "Close": on deal created -> close "Won"\n|');
    expect(service.documentSymbols("schema.rules").map((s) => `${s.kind} ${s.name}`)).toEqual([
      "entity contact", "entity deal", "template Welcome", "template Reminder", "team sales", "event webinar.attended",
    ]);
    expect(service.documentSymbols("schema.rules")[1]!.children.map((c) => c.name)).toEqual(["title", "amount", "source", "contact", "New", "Won"]);
    expect(service.documentSymbols("rules.rules")).toMatchObject([{ kind: "rule", name: "Close", selectionRange: { start: { line: 1, column: 6 } } }]);
  });

  it("folds items, inner blocks and comment runs", () => {
    const { service } = withCursor("// one\n// two\non deal created -> {\n  close \"Won\"\n}\n|");
    expect(service.foldingRanges("rules.rules")).toEqual([
      { startLine: 1, endLine: 2, kind: "comment" },
      { startLine: 3, endLine: 5 },
    ]);
    expect(service.foldingRanges("schema.rules")).toContainEqual({ startLine: 11, endLine: 14 });
  });

  it("classifies tokens by what they name", () => {
    const { service } = withCursor('on deal stage "Won" open -> assign responsible from sales // done|');
    const tokens = service.semanticTokens("rules.rules").map((t) => `${t.column}:${t.type}`);
    expect(tokens).toEqual(["1:keyword", "4:type", "9:keyword", "15:enumMember", "21:keyword", "26:operator", "29:keyword", "36:property", "48:keyword", "53:namespace", "59:comment"]);
  });

  it("formats with the project's formatter, and leaves a file that does not parse alone", () => {
    const { service } = withCursor('on deal   created ->   close "Won"|');
    expect(service.format("rules.rules")).toEqual([{ range: { start: { line: 1, column: 1 }, end: { line: 1, column: 35 } }, newText: 'on deal created -> close "Won"\n' }]);
    service.setDocument("rules.rules", "on deal ->");
    expect(service.format("rules.rules")).toEqual([]);
  });

  it("offers the checker's suggestion as a quick fix", () => {
    const { service } = withCursor('on deal created -> close "Wonn"|');
    const problems = service.diagnostics("rules.rules").map((d) => ({ range: d.range, message: d.message }));
    expect(service.codeActions("rules.rules", problems)).toMatchObject([{ title: 'Change to "Won"', edit: { path: "rules.rules", newText: '"Won"' } }]);
  });

  it("hints to name an unnamed rule other rules react to, and names it as a quick fix", () => {
    const { service } = withCursor('on deal created -> move to "Won"\non deal stage "Won" open -> send sms "Reminder" to contact\n|');
    const hints = service.diagnostics("rules.rules").filter((d) => d.severity === "hint");
    expect(hints.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([["SC2610", 1, 1]]);
    // as an editor passes its markers: lines and columns
    const at = (p: { line: number; column: number }) => ({ line: p.line, column: p.column });
    const problems = hints.map((d) => ({ range: { start: at(d.range.start), end: at(d.range.end) }, message: d.message, code: d.code }));
    expect(service.codeActions("rules.rules", problems)).toEqual([
      {
        title: 'Name the rule "deal created"',
        kind: "quickfix",
        problemIndex: 0,
        preferred: true,
        edit: { path: "rules.rules", range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, newText: 'rule "deal created": ' },
      },
    ]);
    // once named, the hint is gone
    service.setDocument("rules.rules", 'rule "deal created": on deal created -> move to "Won"\non deal stage "Won" open -> send sms "Reminder" to contact\n');
    expect(service.diagnostics("rules.rules").filter((d) => d.severity === "hint")).toEqual([]);
  });

  it("reads the suggestion of the checker and of the input validator (a test block's events)", () => {
    expect(replacementFor('"Wonn"', 'Unknown stage "Wonn" of `deal`. Did you mean "Won"?')).toBe('"Won"');
    expect(replacementFor("amout", "Unknown field `amout` of `deal`. Did you mean `amount`?")).toBe("amount");
    expect(replacementFor("titel", 'unknown field "titel" for deal (did you mean "title"? expected one of: "title")')).toBe("title");
    expect(replacementFor("x", "Unknown field `x` of `deal`.")).toBeNull();
  });

  it("answers the diagnostics checkSources gives, after any sequence of edits (re-parsing only what changed)", () => {
    const service = new LanguageService();
    const texts = new Map([["schema.rules", schema], ["rules.rules", 'on deal created -> close "Won"\n']]);
    const edits: Array<[string, string]> = [
      ["rules.rules", 'on deal created -> close "Wonn"\n'],
      ["schema.rules", schema.replace('stage "Won" won', 'stage "Wonn" won')],
      ["rules.rules", 'on deal created when amount > "x" -> close "Wonn"\n'],
      ["other.rules", "entity deal {\n  title: text\n}\n"],
    ];
    for (const [path, text] of texts) service.setDocument(path, text);
    for (const [path, text] of edits) {
      texts.set(path, text);
      service.setDocument(path, text);
      const expected = checkSources([...texts].map(([p, t]) => ({ path: p, text: t })), { hints: true }).diagnostics;
      expect(service.diagnostics()).toEqual(expected);
    }
    service.removeDocument("other.rules");
    texts.delete("other.rules");
    expect(service.diagnostics()).toEqual(checkSources([...texts].map(([p, t]) => ({ path: p, text: t })), { hints: true }).diagnostics);
  });
});
