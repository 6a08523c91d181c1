import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../diagnostics/diagnostic";
import { codeFrame, formatDiagnostic, formatLineError } from "../../diagnostics/format";

function at(line: number, column: number, endColumn: number): Diagnostic {
  return {
    code: "SC2002",
    severity: "error",
    message: "Unknown field `amout` of `deal`.",
    file: "rules/solar.rules",
    range: { start: { offset: 0, line, column }, end: { offset: 0, line, column: endColumn } },
  };
}

describe("diagnostic lines", () => {
  it("print path:line:col: severity CODE: message, with the path as given or as the reader knows it", () => {
    expect(formatDiagnostic(at(3, 22, 27))).toBe("rules/solar.rules:3:22: error SC2002: Unknown field `amout` of `deal`.");
    expect(formatDiagnostic(at(3, 22, 27), "./rules/solar.rules")).toMatch(/^\.\/rules\/solar\.rules:3:22: /);
    expect(formatLineError("events.jsonl", 7, { code: "SC3002", message: 'missing "type"' })).toBe('events.jsonl:7: error SC3002: missing "type"');
  });

  it("put carets under the range", () => {
    expect(codeFrame('on deal created when amout > 5 -> open "New"', at(12, 22, 27))).toEqual([
      '  12 | on deal created when amout > 5 -> open "New"',
      "     |                      ^^^^^",
    ]);
  });

  it("keep the line's tabs before the carets, so they align whatever a tab's width", () => {
    const line = '\t\ton deal created when amout > 5 -> open "New"';
    const [source, carets] = codeFrame(line, at(1, 24, 29));
    expect(source).toBe(`  1 | ${line}`);
    expect(carets).toBe(`    | \t\t${" ".repeat(21)}^^^^^`);
    // the carets start where `amout` starts, counting a tab as one character
    expect(carets!.indexOf("^") - "    | ".length).toBe(line.indexOf("amout"));
  });

  it("put the first caret under the range's first character on any line of tabs, spaces and words", () => {
    const line = fc.array(fc.constantFrom("\t", " ", "a", "é", "{", "\""), { minLength: 1, maxLength: 40 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(line, fc.nat(), fc.nat(), (text, from, width) => {
        const start = from % text.length;
        const end = Math.min(text.length, start + 1 + (width % 5));
        const [source, carets] = codeFrame(text, at(3, start + 1, end + 1));
        const gutter = "  3 | ".length;
        // the caret line is the source line with every character before the range blanked, tabs kept
        expect(carets!.slice(gutter, gutter + start)).toBe(text.slice(0, start).replace(/[^\t]/g, " "));
        expect(carets!.slice(gutter + start)).toMatch(/^\^+$/);
        expect(source).toBe(`  3 | ${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it("mark one character for an empty range and the rest of the line for a range that goes on", () => {
    expect(codeFrame("entity deal {", at(1, 14, 14))[1]).toBe("    |              ^");
  });
});
