// Two sources may share a path (compileSources and the playground take any list;
// only the CLI reads distinct files). Each diagnostic must be placed with the line
// starts of the file its node is in, not those of another file of the same path.
import { describe, expect, it } from "vitest";
import { checkSources } from "../../../compiler/check";

const blankLines = "\n\n\n\n\n";

function placed(sources: { path: string; text: string }[]): string[] {
  return checkSources(sources).diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`);
}

describe("sources that share a path", () => {
  it("place each file's diagnostics and first-declared lines in that file", () => {
    const first = `${blankLines}entity a { title: text title: text }
rule "A": on a created -> set nope = 1
rule "C": on a created -> set title = "t"`;
    const second = `entity a { title: text }
rule "C": on a created -> set title = "t"`;
    expect(placed([{ path: "x.rules", text: first }, { path: "x.rules", text: second }])).toEqual([
      // node check (first file), then duplicates whose first declaration is in the first file
      'SC2101 x.rules:1:8 Duplicate entity "a": already declared at x.rules:6.',
      'SC2101 x.rules:2:6 Duplicate rule "C": already declared at x.rules:8.',
      'SC2101 x.rules:6:24 Duplicate field "title": already declared at x.rules:6.',
      "SC2002 x.rules:7:31 Unknown field `nope` of `a`. Known: `title`, `id`, `responsible`.",
    ]);
  });

  it("place whole-program findings (a rule cycle) in the rule's own file", () => {
    const first = `${blankLines}entity d { pipeline { stage "N" stage "V" } }
rule "A": on d stage "N" open -> open "V"
rule "B": on d stage "V" open -> open "N"`;
    const [cycle, ...rest] = placed([{ path: "x.rules", text: first }, { path: "x.rules", text: `team t { "x@y" }` }]);
    expect(rest).toEqual([]);
    expect(cycle).toMatch(/^SC2601 x\.rules:7:6 /);
  });
});
