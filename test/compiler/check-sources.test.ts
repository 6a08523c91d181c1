// checkSources reads several files as one program, and a failure of the parser on
// one file costs that file only.
import { describe, expect, it, vi } from "vitest";
import { checkSources } from "../../compiler/check";
import { StagecraftParser } from "../../grammar/parser";

const schema = `entity deal {
  title: text
  amount: money
  pipeline {
    stage "New"
    stage "Won" won
  }
}
template email "Hello" { subject "Hi" body "Deal {title}" }
`;
const rules = `rule "Greet": on deal created -> send email "Hello" to responsible
rule "Greet": on deal stage "New" open -> move to "Won"
rule "Back": on deal stage "Won" open -> open "New"
rule "Forth": on deal stage "New" open -> open "Won"
on deal updated when amont > 10 -> send email "Helo" to contact
`;

function located(sources: { path: string; text: string }[]): string[] {
  return checkSources(sources).diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code}`);
}

describe("checkSources", () => {
  it("reports `wait until 2 days` once, with the wait meant, and nothing after it", () => {
    const workflow = `workflow "W" {\n  enroll on deal created\n  wait until 2 days\n  send email "Hello" to responsible\n}\n`;
    const { diagnostics } = checkSources([{ path: "a.rules", text: schema }, { path: "w.rules", text: workflow }]);
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([
      "w.rules:3 SC0002 `wait until` waits for a condition, such as `wait until amount > 1000`; to wait for a time, write `wait 2 days`",
    ]);
  });
  it("reports across several files, wherever the schema is", () => {
    const others = { path: "b.rules", text: `rule "Back": on deal created -> move to "Won"\n` };
    // a duplicate name in the same file and in the next, a cycle, unknown names
    const expected = ["a.rules:2 SC2101", "b.rules:1 SC2101", "a.rules:2 SC2601", "a.rules:5 SC2002", "a.rules:5 SC2005"];
    expect(located([{ path: "schema.rules", text: schema }, { path: "a.rules", text: rules }, others])).toEqual(expect.arrayContaining(expected));
    expect(located([{ path: "a.rules", text: rules }, others, { path: "schema.rules", text: schema }])).toEqual(expect.arrayContaining(expected));
  });

  it("turns a failure of the parser into a diagnostic on that file and checks the others", () => {
    // a parser bug, simulated: reading an item that holds the word CRASHME throws
    const original = StagecraftParser.prototype.peek;
    const failing = vi.spyOn(StagecraftParser.prototype, "peek").mockImplementation(function (this: StagecraftParser) {
      if (this.input.some((token) => token.image === "CRASHME")) throw new TypeError("simulated parser failure");
      return original.call(this);
    });
    try {
      const diagnostics = located([
        { path: "a.rules", text: `entity lead { name: CRASHME }\n` },
        { path: "s.rules", text: `${schema}on deal created -> set zz = "x"\n` },
      ]);
      expect(diagnostics).toContain("a.rules:1 SC9999");
      expect(diagnostics).toContain("s.rules:10 SC2002");
    } finally {
      failing.mockRestore();
    }
  });
});
