// Hover, go to definition, references and rename over two files.
import { describe, expect, it } from "vitest";
import { withCursor } from "./helpers";

describe("hover and definition", () => {
  it("shows a field of the rule's record and goes to its declaration in the other file", () => {
    const { service, position } = withCursor("on deal created when amo|unt > 10 -> close \"Won\"");
    const hover = service.hover("rules.rules", position)!;
    expect(hover.contents[0]).toBe("```stagecraft\ndeal.amount: money\n```");
    expect(hover.contents.at(-1)).toBe("declared in ` schema.rules `, line 8");
    expect(hover.range).toEqual({ start: { line: 1, column: 22 }, end: { line: 1, column: 28 } });
    expect(service.definition("rules.rules", position)).toEqual({ path: "schema.rules", range: { start: { line: 8, column: 3 }, end: { line: 8, column: 9 } } });
  });

  it("follows a path to the hovered segment", () => {
    const { service, position } = withCursor("on deal created when contact.na|me == \"x\" -> close \"Won\"");
    expect(service.hover("rules.rules", position)!.contents[0]).toContain("contact.name: text");
  });

  it("reads a quoted name by the keyword before it", () => {
    const stage = withCursor('on deal created -> close "W|on"');
    expect(stage.service.hover("rules.rules", stage.position)!.contents[0]).toContain('stage "Won" won');
    const template = withCursor('on deal created -> send email "Wel|come" to contact');
    expect(template.service.definition("rules.rules", template.position)?.range.start.line).toBe(17);
  });

  it("explains catalog entries: actions, functions, activity events, duration units", () => {
    const hoverAt = (text: string) => {
      const { service, position } = withCursor(text);
      return service.hover("rules.rules", position)?.contents.join("\n") ?? "";
    };
    expect(hoverAt('on deal created -> se|nd email "Welcome" to contact')).toContain('send email "T" to R');
    expect(hoverAt("on deal invoice.pa|id -> close \"Won\"")).toContain("event invoice.paid");
    expect(hoverAt('on deal created when low|er(title) == "x" -> close "Won"')).toContain("lower(");
    expect(hoverAt('on deal created after 2 da|ys -> close "Won"')).toContain("days");
    // `stage "S" open` is a rule's subject, not the open action
    expect(hoverAt('on deal stage "New" op|en -> close "Won"')).not.toContain("Opens");
  });
});

describe("references and rename", () => {
  it("finds a field wherever it is written, declaration included", () => {
    const { service, position } = withCursor("on deal created when amount > 10 -> set amo|unt = amount + 1");
    const found = service.references("rules.rules", position);
    expect(found.map((l) => `${l.path}:${l.range.start.line}:${l.range.start.column}`)).toEqual([
      "schema.rules:8:3",
      "rules.rules:1:22",
      "rules.rules:1:41",
      "rules.rules:1:50",
    ]);
    expect(service.references("rules.rules", position, false)).toHaveLength(3);
  });

  it("does not confuse a field with another entity's field of the same name", () => {
    const { service, position } = withCursor("on contact created when pho|ne == \"1\" -> set phone = \"2\"\non deal created when source == phone -> close \"Won\"");
    const paths = service.references("rules.rules", position).map((l) => `${l.path}:${l.range.start.line}`);
    expect(paths).toEqual(["schema.rules:3", "rules.rules:1", "rules.rules:1"]);
  });

  it("renames a stage inside its quotes across files", () => {
    const { service, position } = withCursor('on deal stage "W|on" open -> close "New"');
    const result = service.rename("rules.rules", position, "Closed won");
    expect("edits" in result && result.edits.map((e) => `${e.path}:${e.range.start.line}:${e.range.start.column}-${e.range.end.column}`)).toEqual([
      "schema.rules:13:12-15",
      "rules.rules:1:16-19",
    ]);
    expect(service.prepareRename("rules.rules", position)).toEqual({ range: { start: { line: 1, column: 16 }, end: { line: 1, column: 19 } }, placeholder: "Won" });
  });

  it("refuses what is not a declared name, and names that cannot be written", () => {
    const keyword = withCursor('o|n deal created -> close "Won"');
    const refusal = { error: "Only a declared name (an entity, field, stage, template, team or event) can be renamed." };
    expect(keyword.service.prepareRename("rules.rules", keyword.position)).toEqual(refusal);
    expect(keyword.service.rename("rules.rules", keyword.position, "x")).toEqual(refusal);
    const field = withCursor('on deal created when amo|unt > 1 -> close "Won"');
    expect(field.service.rename("rules.rules", field.position, "two words")).toMatchObject({ error: expect.stringContaining("not a name") });
  });
});
