// Names (stages, templates, rule names) compare in Unicode NFC: "Café" typed
// with a combining accent is the same name as with a precomposed é, in the rules
// and in input events.
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/check";
import { compileProgram, runLines } from "./harness";

const composed = "Caf\u00e9";
const decomposed = "Cafe\u0301";

describe("names in Unicode NFC", () => {
  it("a stage and a template declared in one form are found in the other, and input stages match", () => {
    const program = compileProgram([
      {
        path: "s.rules",
        text: `entity deal { title: text  pipeline { stage "New"  stage "${decomposed}" } }\ntemplate sms "${composed} news" "Hello"\n`,
      },
      { path: "r.rules", text: `on deal stage "${composed}" open -> send sms "${decomposed} news" to "ana@x.example"\n` },
    ]);
    const input = [
      JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "created", data: { title: "T", stage: "New" } }),
      JSON.stringify({ id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "stage.opened", data: { stage: decomposed } }),
    ];
    const result = runLines(program, undefined, input);
    expect(result.stop).toBeUndefined();
    const sms = result.lines.map((line) => JSON.parse(line) as { type: string; data: Record<string, string> }).find((o) => o.type === "sms.send");
    expect(sms?.data.template).toBe(`${composed} news`);
  });

  it("two rules whose names differ only in normalisation are duplicates", () => {
    const { diagnostics } = checkSources([
      { path: "s.rules", text: 'entity deal { title: text  pipeline { stage "New" } }\n' },
      { path: "r.rules", text: `rule "${composed}": on deal created -> open "New"\nrule "${decomposed}": on deal created -> open "New"\n` },
    ]);
    expect(diagnostics.map((d) => d.code)).toContain("SC2101");
  });
});
