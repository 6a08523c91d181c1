// Golden files: a messy input and its canonical form, side by side in fixtures/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSource } from "../../../compiler/index";

const fixtures = join(import.meta.dirname, "fixtures");
const inputs = readdirSync(fixtures).filter((name) => name.endsWith(".input.rules")).sort();

describe("golden formatting", () => {
  it.each(inputs)("%s formats to its .expected.rules", (name) => {
    const input = readFileSync(join(fixtures, name), "utf8");
    const expected = readFileSync(join(fixtures, name.replace(".input.rules", ".expected.rules")), "utf8");
    const result = formatSource(input, name);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(expected);
    expect(formatSource(expected, name).text).toBe(expected);
  });

  it("have an input for every expected file", () => {
    const expectedFiles = readdirSync(fixtures).filter((name) => name.endsWith(".expected.rules"));
    expect(expectedFiles.filter((name) => !inputs.includes(name.replace(".expected.rules", ".input.rules")))).toEqual([]);
    expect(inputs.length).toBeGreaterThan(0);
  });
});
