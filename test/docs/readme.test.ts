// The README's first screen stays true: its run command prints the lines shown
// under it, its command table names every command docs/contract.md lists, and
// the repository refers only to its own docs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli";
import { codeBlocks, repositoryRoot } from "./code-blocks";

const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");

/** The commands of the table under the page's first `| command |` header, from first cells like `` `check <paths…> …` `` (`log export` is two words). */
function commandsOf(markdown: string, prefix: string): string[] {
  const lines = markdown.split("\n");
  const header = lines.findIndex((line) => line.startsWith("| command |"));
  const names = new Set<string>();
  for (const row of lines.slice(header + 2)) {
    if (!row.startsWith("|")) break;
    const cell = new RegExp(`^\\| \`${prefix}(log [a-z]+|[a-z]+)`).exec(row);
    if (cell) names.add(cell[1]!);
  }
  return [...names].sort();
}

describe("README", () => {
  it("lists every command docs/contract.md lists", () => {
    const contract = readFileSync(join(repositoryRoot, "docs", "contract.md"), "utf8");
    const listed = commandsOf(contract, "");
    expect(listed).toContain("deploy");
    expect(listed).toContain("log replay");
    expect(commandsOf(readme, "npx stagecraft ")).toEqual(listed);
  });

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
