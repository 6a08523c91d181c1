// Ranges are exact: start inclusive, end exclusive, 1-based line and column,
// measured from tokens; comments are collected with theirs.
import { describe, expect, it } from "vitest";
import { rangeIn, type Span } from "../../grammar/index";
import { parseClean } from "./helpers";

/** `line:col-line:col` of a span of the file parsed below, and the text it covers. */
function at(span: Span): string {
  const { start, end } = rangeIn(file, span);
  return `${start.line}:${start.column}-${end.line}:${end.column} ${text.slice(span.start, span.end)}`;
}

const text = [
  "// Ezzing automation",
  "on deal stage \"Validation\" open after 4 days when contact.name != none {",
  "  send email \"Welcome\" to contact cc installer  // tell both",
  "}",
  "entity deal {",
  "  amount: money?",
  "}",
].join("\n");

const file = parseClean(text, "ranges.rules");

describe("ranges", () => {
  const rule = file.items[0]!;
  if (rule.kind !== "RuleDecl" || rule.subject.kind !== "StageSubject") throw new Error("rule expected");
  const subject = rule.subject;

  it("covers whole items", () => {
    expect(at(rule)).toBe(`2:1-4:2 ${text.split("\n").slice(1, 4).join("\n")}`);
    expect(at(file.items[1]!)).toBe("5:1-7:2 entity deal {\n  amount: money?\n}");
    expect(at(file)).toBe(`1:1-7:2 ${text}`);
  });

  it("covers subjects, names, delays and conditions", () => {
    expect(at(subject)).toBe('2:4-2:32 deal stage "Validation" open');
    expect(at(subject.entity!)).toBe("2:4-2:8 deal");
    expect(at(subject.stage)).toBe('2:15-2:27 "Validation"');
    expect(at(rule.delay!)).toBe("2:33-2:45 after 4 days");
    expect(at(rule.delay!.duration)).toBe("2:39-2:45 4 days");
    expect(at(rule.condition!)).toBe("2:51-2:71 contact.name != none");
  });

  it("gives each segment of a dotted name its own range", () => {
    const condition = rule.condition!;
    if (condition.kind !== "BinaryExpr" || condition.left.kind !== "PathExpr") throw new Error("comparison expected");
    expect(condition.left.segments.map((segment) => at(segment))).toEqual(["2:51-2:58 contact", "2:59-2:63 name"]);
  });

  it("covers actions and recipients", () => {
    const send = rule.actions[0]!;
    expect(at(send)).toBe('3:3-3:47 send email "Welcome" to contact cc installer');
    if (send.kind !== "SendEmailAction") throw new Error("send expected");
    expect(at(send.cc!)).toBe("3:38-3:47 installer");
  });

  it("covers fields including the optional mark", () => {
    const entity = file.items[1]!;
    if (entity.kind !== "EntityDecl") throw new Error("entity expected");
    expect(at(entity.fields[0]!)).toBe("6:3-6:17 amount: money?");
    expect(at(entity.fields[0]!.type)).toBe("6:11-6:16 money");
  });

  it("collects comments in source order", () => {
    expect(file.comments.map((comment) => at(comment))).toEqual([
      "1:1-1:21 // Ezzing automation",
      "3:49-3:61 // tell both",
    ]);
    expect(file.comments[1]!.text).toBe("// tell both");
  });

  it("counts columns after multi-line input with CRLF line ends", () => {
    const crlf = parseClean('entity a {\r\n  b: text\r\n}\r\non a created -> open "X"\r\n', "crlf.rules");
    expect(rangeIn(crlf, crlf.items[1]!).start).toMatchObject({ line: 4, column: 1 });
    // a lone CR ends a line too, as the scanner counts
    const cr = parseClean('entity a {\r  b: text\r}\ron a created -> open "X"', "cr.rules");
    expect(rangeIn(cr, cr.items[1]!).start).toMatchObject({ line: 4, column: 1 });
  });
});
