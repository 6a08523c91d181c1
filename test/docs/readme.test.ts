// The README's first screen stays true: its run command prints the lines shown
// under it, and the repository refers only to its own docs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli";
import { codeBlocks, repositoryRoot } from "./code-blocks";

const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");

describe("README", () => {
  it("shows the first lines its run command prints", async () => {
    const [commands, shown] = codeBlocks(readme);
    const command = commands!.text.split("\n")[0]!;
    const args = command.replace(/^npm ci && npx stagecraft /, "").split(" ");
    expect(args[0]).toBe("run");
    const previous = process.cwd();
    process.chdir(repositoryRoot);
    try {
      const { code, stdout } = await cli(args);
      expect(code).toBe(0);
      const lines = shown!.text.trimEnd().split("\n");
      expect(lines.at(-1)).toBe("…");
      expect(stdout.split("\n").slice(0, lines.length - 1)).toEqual(lines.slice(0, -1));
    } finally {
      process.chdir(previous);
    }
  });
});
