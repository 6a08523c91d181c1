// Whether a test's outputs meet one `expect` line (docs/language.md "Tests"),
// and if not, what to tell the user. The CLI and the playground both reach this
// through runTests, so an expectation means the same everywhere.
//
// - `expect P`: some output matches P; `expect no P`: none does.
// - `expect N P`: exactly N outputs match P.
// - `expect A before B`: the first output matching A comes before the first
//   matching B, in the order the run produced them (time, then cascade order).
//   `expect no A before B`: no output matching A comes before the first matching
//   B (any A fails when no B came at all).
import type { OutputPattern, TestExpectation, Value } from "../program/ir";
import type { OutputRecord } from "../types";
import { valuesEqual } from "../expressions/values";
import { parseInstant } from "../time/instants";
import { formatWithUtc } from "../time/zone-time";
import { formatTestData, type TestOutputTerms } from "./test-output-terms";

/** How many matching outputs a failure lists before `… N more`. */
const SHOWN = 3;

export function matchesPattern(output: OutputRecord, pattern: OutputPattern, zone: string): boolean {
  if (output.type !== pattern.type) return false;
  if (pattern.entity !== undefined && output.entity !== pattern.entity) return false;
  if (pattern.rule !== undefined && output.rule !== pattern.rule) return false;
  for (const [name, value] of Object.entries(pattern.data)) {
    const actual: Value = Object.hasOwn(output.data, name) ? output.data[name]! : null;
    if (!valuesEqual(actual, value, zone)) return false;
  }
  return pattern.at === undefined || parseInstant(pattern.at) === parseInstant(output.at);
}

/** Why the outputs do not meet the expectation, or undefined when they do. */
export function expectationFailure(expectation: TestExpectation, outputs: readonly OutputRecord[], terms: TestOutputTerms, zone: string): string | undefined {
  if (expectation.before) return orderFailure(expectation, expectation.before, outputs, terms, zone);
  const matches = outputs.filter((output) => matchesPattern(output, expectation, zone));
  const wanted = describePattern(expectation, zone);
  if (expectation.count !== undefined) {
    if (matches.length === expectation.count) return undefined;
    if (matches.length === 0) return `expected ${expectation.count} ${wanted}, got none${nearMisses(outputs, expectation, terms)}`;
    return `expected ${expectation.count} ${wanted}, got ${matches.length}:${listed(matches, terms)}`;
  }
  if (expectation.negated) {
    if (matches.length === 0) return undefined;
    return matches.length === 1 ? `expected no ${wanted}, got ${terms.describe(matches[0]!)}` : `expected no ${wanted}, got ${matches.length}:${listed(matches, terms)}`;
  }
  return matches.length > 0 ? undefined : `expected ${wanted}${nearMisses(outputs, expectation, terms)}`;
}

function orderFailure(expectation: TestExpectation, later: OutputPattern, outputs: readonly OutputRecord[], terms: TestOutputTerms, zone: string): string | undefined {
  const firstLater = outputs.findIndex((output) => matchesPattern(output, later, zone));
  const end = firstLater === -1 ? outputs.length : firstLater;
  const wanted = `${describePattern(expectation, zone)} before ${describePattern(later, zone)}`;
  const laterLine = firstLater === -1 ? `there was no ${describePattern(later, zone)}` : `the first ${later.type} matching came at ${terms.describe(outputs[firstLater]!)}`;
  if (expectation.negated) {
    const early = outputs.slice(0, end).filter((output) => matchesPattern(output, expectation, zone));
    if (early.length === 0) return undefined;
    return `expected no ${wanted}, got ${early.length}:${listed(early, terms)}\n${laterLine}`;
  }
  const firstEarlier = outputs.findIndex((output) => matchesPattern(output, expectation, zone));
  if (firstEarlier === -1) return `expected ${wanted}, but there was no ${describePattern(expectation, zone)}${nearMisses(outputs, expectation, terms)}`;
  if (firstLater === -1) return `expected ${wanted}, but ${laterLine}${nearMisses(outputs, later, terms)}`;
  if (firstEarlier < firstLater) return undefined;
  return `expected ${wanted}, but it came after:\n  ${terms.describe(outputs[firstLater]!)}\nthen\n  ${terms.describe(outputs[firstEarlier]!)}`;
}

/** `email.send for deal/S1 with { … } by "Welcome" at 2026-01-05 09:00 Europe/Rome (…)`. */
export function describePattern(pattern: OutputPattern, zone: string): string {
  let text = pattern.type;
  if (pattern.entity !== undefined) text += ` for ${pattern.entity}`;
  const data = formatTestData(pattern.data);
  if (data !== "") text += ` with${data}`;
  if (pattern.rule !== undefined) text += ` by "${pattern.rule}"`;
  if (pattern.at !== undefined) text += ` at ${formatWithUtc(pattern.at, zone)}`;
  return text;
}

function listed(outputs: readonly OutputRecord[], terms: TestOutputTerms): string {
  const shown = outputs.slice(0, SHOWN).map((output) => `\n  ${terms.describe(output)}`).join("");
  return outputs.length > SHOWN ? `${shown}\n  … ${outputs.length - SHOWN} more` : shown;
}

/** What came closest: outputs of the expected type, so the failure shows what differs. */
function nearMisses(outputs: readonly OutputRecord[], pattern: OutputPattern, terms: TestOutputTerms): string {
  const sameType = outputs.filter((output) => output.type === pattern.type);
  if (sameType.length === 0) return `; there was no ${pattern.type} output at all`;
  return `; the ${pattern.type} outputs were:${listed(sameType, terms)}`;
}
