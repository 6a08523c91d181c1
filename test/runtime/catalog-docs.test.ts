// The standard library's catalog (stdlib/) is what the playground's completion
// and hover show: each doc must say what the runtime does.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runEvents } from "../../runtime/index";
import { actions } from "../../stdlib/index";

const rules = `entity deal {
  title: text
}
template task "Call back" { type call  description "Call the client" }
on deal created -> create task "Call back"
`;

describe("the create task catalog entry", () => {
  it("says a task without `for` is unassigned, as the runtime makes it (not the responsible user's)", () => {
    const { program } = compileSources([{ path: "tasks.rules", text: rules }]);
    const outputs = runEvents(program!, [{ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "created", data: { title: "A", responsible: "ana@solar.example" } }]);
    expect(outputs.map((output) => output.data)).toEqual([{ template: "Call back" }]);
    const doc = actions.find((action) => action.name === "create task")!.doc;
    expect(doc).toMatch(/unassigned/);
    expect(doc).not.toMatch(/responsible/);
  });
});
