// Every `.rules` file here is checked alone; its diagnostics must equal the
// `.expected.txt` beside it, which must exist. UPDATE_GOLDEN=1 writes the
// expectations, to be reviewed like code.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/check";
import { formatDiagnostic } from "../../compiler/diagnostics";
import { specifiedChecks } from "../../compiler/checks/index";

const folder = import.meta.dirname;
/** The parser's codes (grammar/): documented and covered by syntax.rules like the checks' codes. */
const syntaxCodes = ["SC0001", "SC0002", "SC0003"];
const goldenFiles = readdirSync(folder).filter((name) => name.endsWith(".rules")).sort();
const update = process.env.UPDATE_GOLDEN === "1";

function diagnosticsOf(name: string): string {
  const text = readFileSync(join(folder, name), "utf8");
  const lines = checkSources([{ path: name, text }]).diagnostics.map(formatDiagnostic);
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

  it("cover every code the checks report, each documented in docs/diagnostics.md", () => {
    const expected = goldenFiles.map((name) => readFileSync(join(folder, name.replace(/\.rules$/, ".expected.txt")), "utf8")).join("");
    const docs = readFileSync(join(folder, "../../docs/diagnostics.md"), "utf8");
    const documented = new Set([...docs.matchAll(/^### (SC\d{4})/gm)].map((match) => match[1]));
    const codes = [...syntaxCodes, ...specifiedChecks.flatMap((check) => check.codes)];
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      expect(documented, `${code} documented`).toContain(code);
      expect(expected, `${code} in a golden`).toContain(` ${code}: `);
    }
    // every documented checker code belongs to a check (SC2999 is the internal-error fallback)
    for (const code of documented) if (/^SC2/.test(code!) && code !== "SC2999") expect(codes).toContain(code);
  });
});
