// The checker is linear in program size: a 1 MB rule set of 10,000+ rules binds,
// types and checks (parse excluded) with no diagnostics, in about four times the
// time of a quarter of it. Speed itself is measured in bench/, not here.
import { describe, expect, it } from "vitest";
import { checkFiles } from "../../../compiler/check";
import { parse } from "../../../grammar/index";

function bigRuleSet(target = 1_000_000): string {
  const stages = Array.from({ length: 50 }, (_, i) => `    stage "S${i}"`).join("\n");
  const lines = [
    'calendar { timezone "Europe/Rome" }',
    "entity contact { name: text  email: email? }",
    `entity deal {\n  title: text\n  amount: money\n  channel: enum(web, phone, partner)\n  contact: contact\n  installer: user?\n  pipeline {\n${stages}\n  }\n}`,
    'template email "Docs" { subject "Hi {contact.name}" body "For {title}" }',
    'team installers { "a@x" "b@x" }',
  ];
  let size = lines.join("\n").length;
  for (let i = 0; size < target; i++) {
    const a = i % 50;
    const b = (i * 7 + 3) % 50;
    const rule = [
      `rule "r${i}": on deal stage "S${a}" open after ${(i % 5) + 1} days when amount > ${i} and channel in [web, partner] -> send email "Docs" to contact cc installer`,
      `on deal stage "S${a}" close when contact.name != "x${i}" {\n  open "S${b}"\n  assign installer from installers\n}`,
      `on deal updated when changed(amount) and amount >= ${i} -> set title = "t${i}"`,
      `on deal created -> move to "S${b}" allow back`,
    ][i % 4]!;
    lines.push(rule);
    size += rule.length + 1;
  }
  return lines.join("\n");
}

describe("checker scale", () => {
  it("checks a 1 MB, 10,000-rule set cleanly, in time linear in its size", () => {
    const text = bigRuleSet();
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const { file, diagnostics: syntax } = parse(text, "big.rules");
    expect(syntax).toEqual([]);
    expect(file.items.length).toBeGreaterThan(10_000);
    // best of three: the first run pays for JIT compilation, and the machine is shared
    const bestOfThree = (files: Parameters<typeof checkFiles>[0]): number => {
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        checkFiles(files);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const result = checkFiles([file]);
    const { diagnostics, model } = result;
    expect(model.rules.size).toBeGreaterThan(10_000);
    expect(diagnostics).toEqual([]);
    const quarter = parse(bigRuleSet(250_000), "quarter.rules").file;
    const elapsed = bestOfThree([file]);
    const quarterElapsed = bestOfThree([quarter]);
    console.info(`checked ${model.rules.size} rules (${text.length} chars) in ${elapsed.toFixed(0)} ms, a quarter in ${quarterElapsed.toFixed(0)} ms`);
    // four times the program: four to six times the work with garbage collection
    // on a shared machine; quadratic would be sixteen
    expect(elapsed / Math.max(quarterElapsed, 1)).toBeLessThan(12);
  });
});
