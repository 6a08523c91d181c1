// Syntax errors: one mistake costs at most the item it is in, each mistake gets a
// diagnostic at its own line:col, and the items around it still parse.
import { describe, expect, it } from "vitest";
import { parse, type Diagnostic } from "../../grammar/index";

function where(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);
}

describe("error recovery", () => {
  it("reports two separate mistakes and keeps the valid items around them", () => {
    const text = [
      'on deal created -> move to "New"',
      'on deal stage Validation open -> open "Scheduling"',
      'entity contact { name: text }',
      'on deal stage "A" open send email "x" to contact',
      'on deal invoice.paid -> move to "Won"',
    ].join("\n");
    const { file, diagnostics } = parse(text, "two.rules");
    expect(where(diagnostics)).toEqual(["2:15 SC0002", "4:24 SC0002"]);
    expect(diagnostics[0]!.message).toBe('expected a stage name in quotes after "stage", found "Validation"');
    expect(diagnostics[1]!.message).toBe('expected "->" or "{" after the rule\'s subject, found "send"');
    expect(diagnostics.every((d) => d.file === "two.rules" && d.severity === "error")).toBe(true);
    expect(file.items.map((item) => item.kind)).toEqual(["RuleDecl", "EntityDecl", "RuleDecl"]);
    expect(file.items[2]).toMatchObject({ subject: { event: { text: "invoice.paid" } } });
  });

  it("marks the offending token's range", () => {
    const { diagnostics } = parse('on deal stage Validation open -> open "S"', "r.rules");
    expect(diagnostics[0]!.range).toEqual({
      start: { offset: 14, line: 1, column: 15 },
      end: { offset: 24, line: 1, column: 25 },
    });
  });

  it("skips stray tokens at the top level with SC0003", () => {
    const { file, diagnostics } = parse('foo bar\non deal created -> open "A" "B"\nteam t { "a" }', "s.rules");
    expect(where(diagnostics)).toEqual(["1:1 SC0003", "2:29 SC0003"]);
    expect(diagnostics[0]!.message).toContain('found "foo"; skipped to the next declaration');
    expect(diagnostics[1]!.message).toBe('the item ends before the quoted text "B"; skipped to the next declaration');
    expect(file.items.map((item) => item.kind)).toEqual(["RuleDecl", "TeamDecl"]);
  });

  it("keeps an entity whose closing brace is missing", () => {
    const { file, diagnostics } = parse("entity contact {\n  name: text\non contact created -> open \"A\"", "b.rules");
    expect(where(diagnostics)).toEqual(["3:1 SC0002"]);
    expect(diagnostics[0]!.message).toBe('expected a field, a pipeline or "}" after "text", found "on"');
    expect(file.items.map((item) => item.kind)).toEqual(["EntityDecl", "RuleDecl"]);
    expect(file.items[0]).toMatchObject({ fields: [{ name: { text: "name" } }] });
  });

  it("drops one bad action and keeps the rest of the block", () => {
    const { file, diagnostics } = parse('on deal updated {\n  send email "A" to contact\n  frobnicate\n  set amount = 1\n}', "a.rules");
    expect(where(diagnostics)).toEqual(["3:3 SC0002"]);
    expect(diagnostics[0]!.message).toBe('expected an action or "}", found "frobnicate"');
    expect(file.items[0]).toMatchObject({ actions: [{ kind: "SendEmailAction" }, { kind: "SetAction" }] });
  });

  it("drops one bad action inside a for each block and keeps the rest", () => {
    const { file, diagnostics } = parse('on contact updated {\n  for each deal of contact {\n    frobnicate\n    set hot = true\n  }\n  open "A"\n}', "f.rules");
    expect(where(diagnostics)).toEqual(["3:5 SC0002"]);
    expect(diagnostics[0]!.message).toBe('expected an action or "}", found "frobnicate"');
    expect(file.items[0]).toMatchObject({ actions: [{ kind: "ForEachAction", actions: [{ kind: "SetAction" }] }, { kind: "OpenAction" }] });
  });

  it("inserts a missing colon and marks the invented token's node", () => {
    const { file, diagnostics } = parse('rule "Named" on deal created -> open "A"', "c.rules");
    expect(where(diagnostics)).toEqual(["1:14 SC0002"]);
    expect(file.items[0]).toMatchObject({ kind: "RuleDecl", name: { text: "Named" } });
  });

  it("marks names invented by recovery as missing, with an empty range after the previous token", () => {
    const { file, diagnostics } = parse('on deal stage open -> open "A"', "m.rules");
    expect(where(diagnostics)).toEqual(["1:15 SC0002"]);
    const rule = file.items[0];
    if (rule?.kind !== "RuleDecl" || rule.subject.kind !== "StageSubject") throw new Error("stage rule expected");
    expect(rule.subject.stage).toMatchObject({ text: "", missing: true });
    expect(rule.subject.stage).toMatchObject({ start: 13, end: 13 });
    expect(rule.subject.edge).toBe("open");
    expect(rule.actions).toMatchObject([{ kind: "OpenAction" }]);
  });

  it("reports one mistake once, but two mistakes on one line twice", () => {
    const echo = parse('entity deal { pipeline { stage "A" stage B } }', "p.rules");
    expect(where(echo.diagnostics)).toEqual(["1:42 SC0002"]);
    const two = parse("calendar { timezone Europe workdays mon tue hours 9:00..18:00 }", "k.rules");
    expect(where(two.diagnostics)).toEqual(["1:21 SC0002", "1:51 SC0002"]);
    expect(two.diagnostics[1]!.message).toBe('expected a time of day such as 09:00 after "hours", found "9"');
  });

  it("says what an expression needs in plain words", () => {
    const { diagnostics } = parse('on deal updated when amount > -> open "A"', "x.rules");
    expect(diagnostics.map((d) => d.message)).toEqual([
      'expected a value (a field, a number, quoted text, true, false, none, this, a list or a condition in parentheses), found "->"',
    ]);
  });

  it("loses only the item that is nested too deeply for the stack", () => {
    const deep = `on deal updated when ${"(".repeat(20_000)}a${")".repeat(20_000)} -> open "A"\non deal created -> open "B"`;
    const { file, diagnostics } = parse(deep, "deep.rules");
    expect(where(diagnostics)).toEqual(["1:1 SC0003"]);
    expect(diagnostics[0]!.message).toBe("this item is nested too deeply to read; skipped to the next declaration");
    expect(file.items).toMatchObject([{ kind: "RuleDecl", subject: { event: "created" } }]);
  });

  it("reports lexing problems as SC0001", () => {
    const { diagnostics } = parse('template sms "R" "unterminated\non deal created # -> open "A"\ntemplate sms "E" "bad \\q escape"', "l.rules");
    const lexing = diagnostics.filter((d) => d.code === "SC0001");
    expect(lexing.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      '1:18 this string is not closed: add a " before the end of the line',
      '2:17 unexpected character "#"',
      "3:18 unknown escape \\q in a string: use \\\" \\\\ \\n \\t or \\u{hex}",
    ]);
  });

  it("reports business with a unit other than days", () => {
    const { diagnostics } = parse('on deal created after 3 business hours -> open "A"', "u.rules");
    expect(where(diagnostics)).toEqual(["1:34 SC0002"]);
  });

  it("reads `wait until 2 days` as the wait it means, with one error saying how to write it", () => {
    for (const [written, meant] of [["2 days", "wait 2 days"], ["3 business days", "wait 3 business days"]] as const) {
      const { file, diagnostics } = parse(`workflow "W" {\n  enroll on deal created\n  wait until ${written}\n  stop\n}`, "w.rules");
      expect(where(diagnostics)).toEqual(["3:8 SC0002"]);
      expect(diagnostics[0]!.message).toBe(`\`wait until\` waits for a condition, such as \`wait until amount > 1000\`; to wait for a time, write \`${meant}\``);
      expect(file.items[0]).toMatchObject({ kind: "WorkflowDecl", steps: [{ kind: "WaitStep", duration: { amount: Number(written[0]) } }, { kind: "StopStep" }] });
    }
    expect(parse(`workflow "W" {\n  enroll on deal created\n  wait until 2 > 1 timeout 2 days\n}`, "w.rules").diagnostics).toEqual([]);
  });

  it("reports an unexpected end of file at the end of the text", () => {
    const { diagnostics } = parse("on deal created ->", "e.rules");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain("found the end of the file");
    expect(diagnostics[0]!.range.start).toEqual({ offset: 18, line: 1, column: 19 });
  });
});
