// `f(...xs)` passes every element as an argument; past about 100k elements V8
// throws "Maximum call stack size exceeded" (the playground crashed at ~110k
// outputs, `stagecraft test` on a long timer loop). Calls whose argument count
// grows with the input (push, replaceChildren, append, Math.max/min, unshift,
// splice, String.fromCharCode) take a loop or a helper (runtime/append-all.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const sourceFolders = ["cli", "compiler", "diagnostics", "grammar", "playground", "runtime", "service", "stdlib", "scripts", "bench", "language-service", "language-server", "editors"];
const spreadCall = /\b(?:push|unshift|splice|replaceChildren|append|prepend|max|min|fromCharCode)\(\s*(?:[^(){}]*,\s*)?\.\.\.\w/;
const comment = /^\s*(?:\/\/|\*|\/\*)/;

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist" && entry.name !== "out") files.push(...sourceFiles(path));
    } else if (/\.(ts|mjs|js)$/.test(entry.name)) files.push(path);
  }
  return files;
}

describe("no argument spreads of arrays that grow with the input", () => {
  it("no source file calls push(...xs), replaceChildren(...xs), Math.max(...xs) or the like", () => {
    const offenders: string[] = [];
    for (const folder of sourceFolders) {
      for (const file of sourceFiles(folder)) {
        readFileSync(join(root, file), "utf8")
          .split("\n")
          .forEach((line, index) => {
            if (!comment.test(line) && spreadCall.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});
