import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FileLines, StreamLines, type LineSource } from "../../cli/line-sources";

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "stagecraft-events-")), "events.jsonl");
  writeFileSync(path, text);
  return path;
}

/** The lines of reading the whole text at once: what block and stream reading must give. */
function wholeTextLines(text: string): string[] {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.replace(/\r$/, ""));
}

async function allLines(source: LineSource): Promise<string[]> {
  const lines: string[] = [];
  for (let batch = await source.nextLines(); batch !== undefined; batch = await source.nextLines()) for (const line of batch) lines.push(line);
  return lines;
}

async function* chunksOf(bytes: Buffer, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

const cases: Record<string, string> = {
  empty: "",
  "one blank line": "\n",
  "no final line end": "a\nb",
  "blank lines kept": "a\n\n\nb\n\n",
  "CRLF line ends": "a\r\nb\r\n\r\nc",
  "a byte order mark": "\ufeffa\nb\n",
  // Multi-byte characters across the 1 MiB block boundaries, and a line longer than a block.
  "long and multi-byte": ["é".repeat(700_000), "x", "€𝄞".repeat(300_000) + "\r", "ü".repeat(1_500_000), ""].join("\n"),
  "lines near the block size": Array.from({ length: 40 }, (_, i) => "ä".repeat(52_000 + i * 7)).join("\n") + "\n",
};

describe("FileLines", () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`reads ${name} as reading the whole file does`, async () => {
      expect(await allLines(new FileLines(fileWith(text)))).toEqual(wholeTextLines(text));
    });
    it(`reads ${name} in small blocks (a file of many merged) as reading the whole file does`, async () => {
      expect(await allLines(new FileLines(fileWith(text), 7))).toEqual(wholeTextLines(text));
    });
  }

  it("reports a missing file as a usage error", () => {
    expect(() => new FileLines("/nonexistent/events.jsonl")).toThrow("cannot read events file /nonexistent/events.jsonl: no such file");
  });
});

describe("StreamLines", () => {
  it("gives the lines of the whole text however the bytes arrive in chunks", async () => {
    const text = "\ufeffé1\r\n€𝄞 two\n\nthree\nlast";
    const bytes = Buffer.from(text, "utf8");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), async (cuts) => {
        expect(await allLines(new StreamLines(chunksOf(bytes, cuts)))).toEqual(wholeTextLines(text));
      }),
    );
  });

  it("refuses UTF-16 input, saying how to convert it", async () => {
    const source = new StreamLines(chunksOf(Buffer.from("\ufeff{}\n", "utf16le"), []));
    await expect(source.nextLines()).rejects.toThrow("it is UTF-16 text, and Stagecraft reads UTF-8");
  });

  it("refuses UTF-16 input that arrives decoded as text already, with or without its byte order mark", async () => {
    for (const text of ["\ufeff{}\n", "{}\n"]) {
      const decoded = Buffer.from(text, "utf16le").toString("utf8");
      const source = new StreamLines((async function* () { yield decoded; })());
      await expect(source.nextLines()).rejects.toThrow("it is UTF-16 text, and Stagecraft reads UTF-8");
    }
  });
});
