// Emitted modules import the expression semantics from the runtime's public API
// by name; the interpreter looks the same functions up in expressionSemantics.
// For the two to be one implementation, every name must be exported as that
// very function.
import { describe, expect, it } from "vitest";
import * as runtime from "../../runtime/index";
import { expressionSemantics } from "../../runtime/expression-semantics";

describe("the expression semantics the emitted code imports", () => {
  it("are exported by the runtime under their names, as the functions the interpreter calls", () => {
    const exported = runtime as unknown as Record<string, unknown>;
    for (const [name, fn] of Object.entries(expressionSemantics)) expect(exported[name], name).toBe(fn);
  });
});
