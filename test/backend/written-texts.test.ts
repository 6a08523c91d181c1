// A text literal written to a field by `set` or `create` fills its `{path}`
// placeholders from the rule's record, as `notify` does, in the interpreter and
// in the emitted module alike; a placeholder that is no field path is SC2302.
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/check";
import { compileProgram, runBothBackends } from "./harness";

const schema = `entity contact { name: text }
entity deal {
  title: text
  note: text?
  contact: contact
  pipeline { stage "New"  stage "Won" won }
}
`;

describe("placeholders in written texts", () => {
  it("set and create fill them in, both backends", async () => {
    const program = compileProgram([
      { path: "s.rules", text: schema },
      {
        path: "r.rules",
        text: `on deal stage "Won" open {
  set note = "won on {title} for {contact.name}"
  create deal with { title: "Follow-up for {title}", contact: contact }
}
on deal updated -> set note = "a lone { stays"
`,
      },
    ]);
    const input = [
      JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } }),
      JSON.stringify({ id: "e2", at: "2026-01-01T08:01:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1", stage: "New" } }),
      JSON.stringify({ id: "e3", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "stage.opened", data: { stage: "Won" } }),
    ];
    const { inProcess, module } = await runBothBackends(program, input);
    expect(module.lines).toEqual(inProcess.lines);
    const outputs = inProcess.lines.map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(outputs.find((o) => o.type === "updated")?.data).toEqual({ note: "won on Roof for Ana" });
    expect(outputs.find((o) => o.type === "created")?.data).toEqual({ title: "Follow-up for Roof", contact: "contact/C1" });
  });

  it("a placeholder that is not a field path is reported at the placeholder", () => {
    const { diagnostics } = checkSources([
      { path: "s.rules", text: schema },
      { path: "r.rules", text: 'on deal stage "Won" open -> set note = "won on {titel}"\n' },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(["r.rules:1:49 SC2302"]);
    expect(diagnostics[0]!.message).toContain("The text of `set` uses {titel}");
  });
});
