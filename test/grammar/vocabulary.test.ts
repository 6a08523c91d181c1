// The token vocabulary the playground highlights with agrees with the lexer.
// (Which keywords are reserved is held to docs/language.md and to the parser in
// test/docs/language-reference.test.ts.)
import { describe, expect, it } from "vitest";
import { tokenVocabulary } from "../../grammar/index";

describe("tokenVocabulary", () => {
  it("lists operators as written", () => {
    expect(tokenVocabulary.operators).toEqual(expect.arrayContaining(["->", "..", "==", "!=", "<=", ">=", "=", "?", "{", "}"]));
  });

  it("gives every token kind a compilable pattern and a category", () => {
    const categories = new Set(tokenVocabulary.tokens.map((token) => token.category));
    for (const category of ["keyword", "operator", "string", "number", "datetime", "date", "time", "comment", "identifier", "dotted-name", "punctuation"]) {
      expect(categories).toContain(category);
    }
    for (const token of tokenVocabulary.tokens) expect(() => new RegExp(token.pattern)).not.toThrow();
  });

  it("highlights a line the way the parser reads it", () => {
    const line = 'on deal email.opened after 2 business days when amount >= 10 -> move to "Won" // trigger';
    const rules = tokenVocabulary.tokens.map((token) => ({ ...token, regex: new RegExp(token.pattern, "y") }));
    const seen: string[] = [];
    for (let offset = 0; offset < line.length;) {
      const rule = rules.find((candidate) => {
        candidate.regex.lastIndex = offset;
        return candidate.regex.test(line);
      })!;
      const end = rule.regex.lastIndex;
      if (rule.category !== "whitespace") seen.push(`${rule.category}:${line.slice(offset, end)}`);
      offset = end;
    }
    expect(seen).toEqual([
      "keyword:on", "identifier:deal", "dotted-name:email.opened", "keyword:after", "number:2", "keyword:business",
      "keyword:days", "keyword:when", "identifier:amount", "operator:>=", "number:10", "operator:->", "keyword:move",
      "keyword:to", 'string:"Won"', "comment:// trigger",
    ]);
  });
});
