// docs/diagnostics.md is the table of codes, printed; the syntax examples are
// what the parser really reports on them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources } from "../../compiler/check";
import { codeDocs } from "../../diagnostics/code-docs";
import { codes, type Code } from "../../diagnostics/codes";
import { formatDiagnostic } from "../../diagnostics/format";
import { diagnosticsPage } from "../../scripts/diagnostics-page";

const page = join(import.meta.dirname, "../../docs/diagnostics.md");

describe("docs/diagnostics.md", () => {
  it("is generated from the table (run `npm run docs:diagnostics` after changing diagnostics/codes.ts)", () => {
    expect(readFileSync(page, "utf8")).toBe(diagnosticsPage());
  });

  it("documents every code with an example", () => {
    const text = readFileSync(page, "utf8");
    for (const code of Object.keys(codes) as Code[]) {
      expect(text).toContain(`### ${code} `);
      expect(codeDocs[code].example.trim(), code).not.toBe("");
    }
  });

  const syntaxCodes = (Object.keys(codes) as Code[]).filter((code) => codes[code].category === "syntax");
  it.each(syntaxCodes)("shows what the parser reports on the example of %s", (code) => {
    const { example, output } = codeDocs[code];
    const reported = checkSources([{ path: "solar.rules", text: example }])
      .diagnostics.filter((diagnostic) => diagnostic.code === code)
      .map((diagnostic) => formatDiagnostic(diagnostic));
    expect(reported.join("\n")).toBe(output);
  });
});
