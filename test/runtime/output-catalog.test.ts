// stdlib/outputs.ts lists the output types and their data keys, which the checker
// holds a test's `expect` lines to; every action's output (and a workflow's exit
// at its goal) must fit it.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runTests } from "../../runtime/index";
import { findOutputType, outputTypes } from "../../stdlib/index";
import { section2Declarations } from "../fixtures/language-declarations";

const rules = `on deal created -> send email "Docs reminder" to contact cc "desk@solar.example"
on deal created -> send sms "Reminder" to contact
on deal created -> create task "Call back" for "ana@solar.example"
on deal created -> create task "Call back"
on deal created -> create activity call "Called {title}"
on deal created -> generate report "Offer" and email "Docs reminder" to contact
on deal created -> request signature "Offer" from contact
on deal created -> notify "desk@solar.example" "New deal {title}"
on deal created -> set amount = 10
on deal created -> assign installer from installers
on deal created -> move to "Validation" as "ana@solar.example"
on deal created -> create installation with { deal: this }
workflow "Until won" { enroll on deal created  exit when stage == "Won"  wait 1 day }
test "every action" {
  at 2026-01-05T09:00Z "contact/C1" created { name: "Ana", email: "ana@example.com", phone: "+39 1" }
  at 2026-01-05T09:00Z "deal/S1" created { title: "Roof", amount: 5, channel: web, contact: "contact/C1", stage: "New" }
  at 2026-01-05T10:00Z "deal/S1" stage.opened { stage: "Won" }
  expect notify
}
`;

describe("the output catalog", () => {
  it("holds every output type and data key the engine writes", () => {
    const compiled = compileSources([
      { path: "declarations.rules", text: section2Declarations },
      { path: "rules.rules", text: rules },
    ]);
    expect(compiled.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    const [result] = runTests(compiled.program!);
    expect(result!.failures).toEqual([]);
    const seen = new Set<string>();
    for (const output of result!.outputs) {
      seen.add(output.type);
      const type = findOutputType(output.type);
      expect(type, output.type).toBeDefined();
      const entity = compiled.program!.entities.find((def) => def.name === output.entity.split("/")[0])!;
      const keys = type!.keys === "fields" ? [...entity.fields.map((field) => field.name), "responsible", "stage"] : Object.keys(type!.keys);
      for (const key of Object.keys(output.data)) expect(keys, `${output.type} ${key}`).toContain(key);
    }
    // every type of the catalog comes out of these actions
    expect([...seen].sort()).toEqual(outputTypes.map((type) => type.name).sort());
  });
});
