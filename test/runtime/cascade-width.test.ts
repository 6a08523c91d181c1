// A cascade that fans out stays shallow while it multiplies: each contact
// change sets every deal of the contact, and each deal change sets the contact
// again. The engine stops it with SC4001 once one event has derived more than
// the bound allows, rather than running out of memory.
import { describe, expect, it } from "vitest";
import { CascadeError, createEngine, type InputEvent } from "../../runtime/index";
import { compileProgram } from "../backend/harness";

const program = compileProgram([
  {
    path: "rules.rules",
    text: `
entity contact { name: text }
entity deal { title: text  contact: contact }
rule "Rename deals": on contact updated -> for each deal of contact { set title = "{title}x" }
rule "Rename contact": on deal updated -> set contact.name = "{contact.name}y"
`,
  },
]);

const at = "2026-01-01T08:00:00Z";
const setup: InputEvent[] = [
  { id: "c1", at, entity: "contact/C1", type: "created", data: { name: "Ana" } },
  { id: "d1", at, entity: "deal/D1", type: "created", data: { title: "a", contact: "contact/C1" } },
  { id: "d2", at, entity: "deal/D2", type: "created", data: { title: "b", contact: "contact/C1" } },
  { id: "d3", at, entity: "deal/D3", type: "created", data: { title: "c", contact: "contact/C1" } },
];

describe("a cascade that fans out", () => {
  it("is stopped by the bound on what one event derives, with the rules that feed each other", () => {
    const engine = createEngine(program, { cascadeBound: 20 });
    for (const event of setup) engine.process(event);
    let stopped: unknown;
    try {
      engine.process({ id: "u1", at, entity: "contact/C1", type: "updated", data: { name: "Bo" } });
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(CascadeError);
    expect((stopped as CascadeError).code).toBe("SC4001");
    expect((stopped as CascadeError).message).toContain("cascade of more than 20000 derived events from one event or timer");
    expect((stopped as CascadeError).chain).toContain("Rename deals");
    expect((stopped as CascadeError).chain).toContain("Rename contact");
  });
});
