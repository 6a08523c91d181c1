import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openEventLines, readEventsInput } from "../../cli/events-input";
import type { Output } from "../../cli/output";

const noStdin = { readStdin: () => "" } as unknown as Output;

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "stagecraft-events-")), "events.jsonl");
  writeFileSync(path, text);
  return path;
}

function allLines(path: string): string[] {
  const reader = openEventLines(path, noStdin);
  const lines: string[] = [];
  for (let line = reader.next(); line !== undefined; line = reader.next()) lines.push(line);
  return lines;
}

describe("openEventLines", () => {
  // Block reading must give exactly the lines of reading the whole file.
  const cases: Record<string, string> = {
    empty: "",
    "one blank line": "\n",
    "no final line end": "a\nb",
    "blank lines kept": "a\n\n\nb\n\n",
    "CRLF line ends": "a\r\nb\r\n\r\nc",
    // Multi-byte characters across the 1 MiB block boundaries, and a line longer than a block.
    "long and multi-byte": ["é".repeat(700_000), "x", "€𝄞".repeat(300_000) + "\r", "ü".repeat(1_500_000), ""].join("\n"),
    "lines near the block size": Array.from({ length: 40 }, (_, i) => "ä".repeat(52_000 + i * 7)).join("\n") + "\n",
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads ${name} as the whole-file reader does`, () => {
      const path = fileWith(text);
      expect(allLines(path)).toEqual(readEventsInput(path, noStdin).lines);
    });
  }

  it("reports a missing file as a usage error", () => {
    expect(() => openEventLines("/nonexistent/events.jsonl", noStdin)).toThrow("cannot read events file /nonexistent/events.jsonl: no such file");
  });
});
