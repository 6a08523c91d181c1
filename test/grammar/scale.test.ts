// The CLI checks 10,000-rule (1 MB) files: parsing must stay linear.
import { describe, expect, it } from "vitest";
import { parse } from "../../grammar/index";

function ruleFile(rules: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rules; i++) {
    lines.push(
      i % 2 === 0
        ? `on deal stage "Stage ${i % 40}" open after ${(i % 9) + 1} days when amount > ${i} -> send email "T${i % 7}" to contact`
        : `rule "R${i}": on deal invoice.paid when channel in [web, partner] { move to "Won" allow back  notify responsible "paid" }`,
    );
  }
  return lines.join("\n");
}

function cpuMillis(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe("scale", () => {
  it("parses a 10,000-rule, 1 MB file without diagnostics, in time linear in its size", () => {
    const big = ruleFile(10_000);
    const quarter = ruleFile(2_500);
    expect(big.length).toBeGreaterThan(900_000);
    parse(quarter, "warm-up.rules");

    // One big file against the same text in four quarter files, all kept alive
    // alike, so both sides allocate, keep and collect the same amount: linear
    // parsing makes them cost the same, quadratic would make the big file cost
    // four times more. The fastest of three alternating runs each, as the machine
    // is shared.
    let result: ReturnType<typeof parse> | undefined;
    let bigTime = Infinity;
    let quartersTime = Infinity;
    for (let round = 0; round < 3; round++) {
      bigTime = Math.min(bigTime, cpuMillis(() => (result = parse(big, "big.rules"))));
      quartersTime = Math.min(quartersTime, cpuMillis(() => [1, 2, 3, 4].map((n) => parse(quarter, `quarter-${n}.rules`))));
    }

    expect(result!.diagnostics).toEqual([]);
    expect(result!.file.items).toHaveLength(10_000);
    expect(bigTime / Math.max(quartersTime, 1)).toBeLessThan(2);
    expect(bigTime).toBeLessThan(5_000);
  });
});
