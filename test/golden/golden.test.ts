// Every `.rules` file here is checked alone; its diagnostics must equal the
// `.expected.txt` beside it, which must exist. UPDATE_GOLDEN=1 writes the
// expectations, to be reviewed like code.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/check";
import { formatDiagnostic } from "../../diagnostics/format";
import { hintChecks, specifiedChecks } from "../../compiler/checks/index";
import { codes, type Code } from "../../diagnostics/codes";

const folder = import.meta.dirname;
/** The codes of the parser and the checker: every one has a golden test. */
const sourceCodes = (Object.keys(codes) as Code[]).filter((code) => !["files", "input", "service", "runtime", "internal"].includes(codes[code].category));
const goldenFiles = readdirSync(folder).filter((name) => name.endsWith(".rules")).sort();
const update = process.env.UPDATE_GOLDEN === "1";

function diagnosticsOf(name: string): string {
  const text = readFileSync(join(folder, name), "utf8");
  // hints (editors only) are asked for in hints*.rules, so the other files show what `stagecraft check` prints
  const lines = checkSources([{ path: name, text }], { hints: name.startsWith("hints") }).diagnostics.map((diagnostic) => formatDiagnostic(diagnostic));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

describe("golden diagnostics", () => {
  it.each(goldenFiles)("%s", (name) => {
    const expectedPath = join(folder, name.replace(/\.rules$/, ".expected.txt"));
    const actual = diagnosticsOf(name);
    if (update) writeFileSync(expectedPath, actual);
    // A missing expectation is a failure: writing it here would pass whatever the checker says.
    expect(existsSync(expectedPath), `${expectedPath} is missing; UPDATE_GOLDEN=1 writes it for review`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, "utf8"));
  });

  it("have no expectation without its .rules file", () => {
    const orphans = readdirSync(folder).filter((name) => name.endsWith(".expected.txt") && !goldenFiles.includes(name.replace(/\.expected\.txt$/, ".rules")));
    expect(orphans).toEqual([]);
  });

  it("cover every code of the parser and the checker, and the checks declare the codes they report", () => {
    const expected = goldenFiles.map((name) => readFileSync(join(folder, name.replace(/\.rules$/, ".expected.txt")), "utf8")).join("");
    expect(sourceCodes.length).toBeGreaterThan(40);
    for (const code of sourceCodes) expect(expected, `${code} in a golden`).toContain(` ${code}: `);
    const declared = new Set([...specifiedChecks, ...hintChecks].flatMap((check) => check.codes));
    for (const code of sourceCodes) if (codes[code].category !== "syntax") expect(declared, `${code} declared by a check`).toContain(code);
  });
});
