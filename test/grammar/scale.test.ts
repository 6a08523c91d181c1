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

    // the fastest of three alternating runs each: a single run of the big file also
    // pays for the JIT's warm-up and the heap's growth, which are not its size
    let result: ReturnType<typeof parse> | undefined;
    let bigTime = Infinity;
    let quarterTime = Infinity;
    for (let round = 0; round < 3; round++) {
      bigTime = Math.min(bigTime, cpuMillis(() => (result = parse(big, "big.rules"))));
      quarterTime = Math.min(quarterTime, cpuMillis(() => parse(quarter, "quarter.rules")));
    }

    expect(result!.diagnostics).toEqual([]);
    expect(result!.file.items).toHaveLength(10_000);
    // four times the text: about four times the work (quadratic would be sixteen)
    expect(bigTime / Math.max(quarterTime, 1)).toBeLessThan(9);
    expect(bigTime).toBeLessThan(5_000);
  });
});
