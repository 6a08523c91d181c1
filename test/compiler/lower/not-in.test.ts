// `x not in [...]` means exactly `not (x in [...])`: it lowers to that IR, so the
// runtime and emitted code share the one `in` semantics, none included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../../compiler/index";
import { runEvents, type Program } from "../../../runtime/index";
import { events } from "../../runtime/program-builder";
import { schema } from "./schema";

function compile(rules: string): Program {
  const result = compileSources([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return result.program!;
}

const conditionOf = (condition: string): unknown => compile(`rule "R": on deal created when ${condition} -> create task "Call back"`).rules[0]!.condition;

describe("not in", () => {
  it("lowers to not of in", () => {
    expect(conditionOf("channel not in [web, phone]")).toEqual(conditionOf("not (channel in [web, phone])"));
    expect(conditionOf("amount not in [1, 2]")).toEqual({
      kind: "not",
      operand: { kind: "in", value: { kind: "field", path: ["amount"] }, options: [{ kind: "literal", value: 1 }, { kind: "literal", value: 2 }] },
    });
  });

  const installers = ["ana@solar.example", "bo@solar.example"];
  const fires = (program: Program, installer: string | undefined): boolean => {
    const data: Record<string, string | number> = { title: "T", amount: 1, channel: "web", contact: "contact/C1" };
    if (installer !== undefined) data.installer = installer;
    return runEvents(program, events(["2026-01-01T08:00:00Z", "deal/D1", "created", data])).length > 0;
  };

  it("is true for none unless the list holds none, as `not (x in [...])` is", () => {
    expect(fires(compile(`rule "R": on deal created when installer not in ["ana@solar.example"] -> create task "Call back"`), undefined)).toBe(true);
    expect(fires(compile(`rule "R": on deal created when installer not in ["ana@solar.example", none] -> create task "Call back"`), undefined)).toBe(false);
    expect(fires(compile(`rule "R": on deal created when installer not in ["ana@solar.example"] -> create task "Call back"`), "ana@solar.example")).toBe(false);
  });

  it("fires exactly when the value is not one of the options", () => {
    const options = fc.subarray([...installers, "none"]);
    const value = fc.option(fc.constantFrom(...installers), { nil: undefined });
    fc.assert(
      fc.property(options, value, (chosen, installer) => {
        const list = chosen.map((option) => (option === "none" ? "none" : `"${option}"`)).join(", ");
        const program = compile(`rule "R": on deal created when installer not in [${list}] -> create task "Call back"`);
        const held = installer === undefined ? chosen.includes("none") : chosen.includes(installer);
        expect(fires(program, installer)).toBe(!held);
      }),
      { numRuns: 40 },
    );
  });
});
