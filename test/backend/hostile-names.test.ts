// No rule text becomes code: hostile names and texts come out of the emitted
// module as the same string values, the module shows none of them raw, and it
// runs exactly as the rule files do.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { dataLiteral, emitModule, memberName, propertyName, stringLiteral } from "../../compiler/backend/index";
import { compileProgram, runBothBackends } from "./harness";
import { evilValue, hostileEvents, hostileSources } from "./hostile-rules";

const evaluate = (code: string): unknown => new Function(`"use strict"; return (${code});`)();

describe("hostile names", () => {
  const program = compileProgram(hostileSources);

  it("the rules really carry the hostile text", () => {
    expect(program.rules[0]!.name).toBe(`Rule ${evilValue}`);
    expect(program.entities.find((entity) => entity.name === "deal")!.pipeline!.stages[0]!.name).toBe(`New ${evilValue}`);
  });

  it("the module holds no raw separator, override or `</script>`, and rule text only inside string literals", () => {
    const text = emitModule(program);
    for (const raw of ["\u2028", "\u2029", "\u202e", "</script>"]) expect(text).not.toContain(raw);
    // Blank out every string literal: what is left is the code the backend wrote itself.
    const file = ts.createSourceFile("rules.ts", text, ts.ScriptTarget.Latest, true);
    const strings: Array<[number, number]> = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node)) strings.push([node.getStart(file), node.getEnd()]);
      ts.forEachChild(node, visit);
    };
    visit(file);
    let code = "";
    let at = 0;
    for (const [start, end] of strings) {
      code += text.slice(at, start) + '""';
      at = end;
    }
    code += text.slice(at);
    for (const piece of ["process", "alert", "script", "tick", "uote", "slash", "*/", "/*", "${x}"]) expect(code).not.toContain(piece);
    expect(code.match(/\/\//g)).toHaveLength(1); // the generated header, the only comment
    expect(strings.length).toBeGreaterThan(100);
  });

  it("loads to the same IR and runs with byte-identical output", async () => {
    const custom = program.events.find((event) => event.declared)!.name;
    const { inProcess, module, loaded } = await runBothBackends(program, hostileEvents(custom), "2026-02-01T00:00:00Z");
    expect(loaded.program).toEqual(JSON.parse(JSON.stringify(program)));
    expect(inProcess.stop).toBeUndefined();
    // The hostile rule, the move, the custom event and the workflow all fired.
    const rules = new Set(inProcess.lines.map((line) => JSON.parse(line).rule));
    expect(rules).toEqual(new Set([`Rule ${evilValue}`, program.rules[1]!.name, program.rules[2]!.name, `Flow ${evilValue}`]));
    expect(module.lines).toEqual(inProcess.lines);
  });
});

describe("literals", () => {
  const samples = ['"', "\\", "${x}", "`", "*/", "\u2028", "\u2029", "</script>", "\u202e", "\u0000", "\ud800", "ünï ✓ 😀", ""];

  it("a string literal evaluates to the same string", () => {
    for (const sample of samples) expect(evaluate(stringLiteral(sample))).toBe(sample);
    expect(evaluate(stringLiteral(samples.join("")))).toBe(samples.join(""));
  });

  it("data literals keep values, key order and `__proto__` as an own property", () => {
    const inner: Record<string, unknown> = { 'x"y': samples };
    Object.defineProperty(inner, "__proto__", { value: "own", enumerable: true, configurable: true, writable: true });
    const round = evaluate(dataLiteral({ b: [1, -0, 2.5, null, true], "a b": inner, c: {} })) as Record<string, unknown>;
    expect(Object.keys(round)).toEqual(["b", "a b", "c"]);
    expect(Object.getOwnPropertyDescriptor(round["a b"], "__proto__")?.value).toBe("own");
    expect(Object.getPrototypeOf(round["a b"])).toBe(Object.prototype);
    expect(Object.is((round.b as number[])[1], -0)).toBe(true);
    expect((round["a b"] as Record<string, unknown>)['x"y']).toEqual(samples);
  });

  it("names that are not identifiers are quoted", () => {
    expect(propertyName("title")).toBe("title");
    expect(propertyName("a-b")).toBe('"a-b"');
    expect(propertyName("__proto__")).toBe('["__proto__"]');
    expect(memberName("__proto__")).toBe("__proto__");
  });
});
