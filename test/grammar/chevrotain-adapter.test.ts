// grammar/parser/chevrotain-adapter.ts overrides a Chevrotain method that is not
// part of its public API. These tests fail when a Chevrotain release renames that
// method, changes its parameters or stops calling it, instead of letting the
// override go quietly unused.
import { EmbeddedActionsParser } from "chevrotain";
import { describe, expect, it, vi } from "vitest";
import { parse } from "../../grammar/index";
import { ItemParser } from "../../grammar/parser/chevrotain-adapter";

describe("the Chevrotain adapter", () => {
  it("overrides a method Chevrotain's parser has, with the same parameters", () => {
    const chevrotain = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;
    const original = chevrotain["canRecoverWithSingleTokenInsertion"];
    expect(typeof original).toBe("function");
    expect((original as (...args: unknown[]) => unknown).length).toBe(ItemParser.prototype.canRecoverWithSingleTokenInsertion.length);
  });

  it("is asked by Chevrotain's recovery, and keeps an item whose closing brace is missing at its end", () => {
    const hook = vi.spyOn(ItemParser.prototype, "canRecoverWithSingleTokenInsertion");
    try {
      const { file, diagnostics } = parse('entity contact {\n  name: text\non contact created -> open "A"', "b.rules");
      expect(hook).toHaveBeenCalled();
      expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(["3:1 SC0002"]);
      expect(file.items.map((item) => item.kind)).toEqual(["EntityDecl", "RuleDecl"]);
    } finally {
      hook.mockRestore();
    }
  });
});
