// The table's messages: arguments fill their places (TypeScript checks their
// names; see the @ts-expect-error lines), and each message has the severity and
// category of its code.
import { describe, expect, it } from "vitest";
import { codes } from "../../diagnostics/codes";
import { diagnose, message, render } from "../../diagnostics/message";
import { Diagnostics } from "../../diagnostics/messages";

describe("diagnostic messages", () => {
  it("fill every argument, including one written in braces, and leave text braces alone", () => {
    expect(render(Diagnostics.UnknownField, { field: "amout", owner: "deal", hint: " Did you mean `amount`?" })).toBe(
      "Unknown field `amout` of `deal`. Did you mean `amount`?",
    );
    const text = render(Diagnostics.TextPlaceholder, { what: "The text", placeholder: "titel", field: "titel", owner: "deal", entity: "deal", hint: "" });
    expect(text).toBe("The text uses {titel}, but `titel` is not a field of `deal`; placeholders must be field paths of `deal`.");
    expect(render(Diagnostics.NoPipeline, { what: "`open`", entity: "memo" })).toContain("`pipeline { stage … }`");
  });

  it("take their severity and category from their code", () => {
    expect(message("SC2604", "x")).toEqual({ code: "SC2604", severity: "warning", category: "flow", template: "x" });
    expect(Diagnostics.UnknownField).toMatchObject({ code: "SC2002", severity: "error", category: "names" });
    expect(Diagnostics.Expected).toMatchObject({ code: "SC0002", severity: "error", category: "syntax" });
    expect(diagnose(Diagnostics.MoveToOpenStage, { stage: "New" })).toEqual({
      code: "SC2604",
      severity: "warning",
      message: 'Moving to "New" does nothing: "New" is already open when this rule runs.',
    });
  });

  it("are checked by TypeScript: a missing or misspelled argument does not compile", () => {
    // @ts-expect-error `hint` is missing
    expect(render(Diagnostics.UnknownTeam, { team: "x" })).toBe("Unknown team `x`.{hint}");
    // @ts-expect-error `tema` is not an argument of the message
    render(Diagnostics.UnknownTeam, { tema: "x", hint: "" });
    // @ts-expect-error a message without arguments takes none
    render(Diagnostics.SetId, { field: "id" });
    expect(render(message("SC2317", "plain"))).toBe("plain");
  });

  it("every code has a message", () => {
    const used = new Set(Object.values(Diagnostics).map((entry) => entry.code));
    for (const code of Object.keys(codes)) expect(used, code).toContain(code);
  });
});
