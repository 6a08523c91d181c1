// Coverage as text: one line per rule, workflow and workflow step with how
// many times it ran, `never` standing out for those that did not.
import type { CoverageReport } from "../../runtime/index";
import { placeOf, type TestRun } from "./test-run";

export function coverageLines(run: TestRun, coverage: CoverageReport): string {
  if (coverage.total === 0) return "coverage: the rules have no rules or workflows\n";
  const places = coverage.entries.map((entry) => (entry.location ? placeOf(run, entry.location) : "-"));
  const width = places.reduce((widest, place) => Math.max(widest, place.length), 0);
  let text = `coverage: ${coverage.covered} of ${coverage.total} rules, workflows and workflow steps ran (${percent(coverage)})\n`;
  coverage.entries.forEach((entry, index) => {
    const hits = entry.hits === 0 ? "never" : `${entry.hits}x`;
    text += `  ${hits.padStart(6)}  ${places[index]!.padEnd(width)}  ${entry.name}\n`;
  });
  return text;
}

/** Rounded down, so 100% means every entry ran. */
function percent(coverage: CoverageReport): string {
  return `${Math.floor((coverage.covered * 100) / coverage.total)}%`;
}
