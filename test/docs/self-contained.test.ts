// The repository stands on its own: no file points readers to documents kept
// outside it (a sibling `shared` folder or the briefs it held), and every page of
// docs/ a file names exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "./code-blocks";

/** Folders that are not the repository's own files: dependencies, git, and build output that .gitignore names. */
function ignoredFolders(): RegExp[] {
  const patterns = readFileSync(join(repositoryRoot, ".gitignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.endsWith("/") && !line.startsWith("#"));
  const asRegExp = (pattern: string) =>
    new RegExp(`^${pattern.slice(0, -1).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
  return [/^\.git$/, /(^|\/)node_modules$/, ...patterns.map(asRegExp)];
}

function repositoryFiles(): string[] {
  const ignored = ignoredFolders();
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(repositoryRoot, path);
      if (entry.isDirectory()) {
        if (!ignored.some((pattern) => pattern.test(name))) visit(path);
      } else if (entry.isFile()) files.push(name);
    }
  };
  visit(repositoryRoot);
  return files;
}

// Spelled in pieces so that this file does not match itself.
const outside = [`../${"shared"}`, `${"LANGUAGE"}.md`, `${"CONTRACT"}.md`, `${"STYLE"}.md`];

describe("the repository", () => {
  it("never refers to documents outside it", () => {
    const files = repositoryFiles();
    expect(files).toContain("docs/language.md");
    const mentions = files.flatMap((file) => {
      const text = readFileSync(join(repositoryRoot, file), "utf8");
      return outside.filter((word) => text.includes(word)).map((word) => `${file}: ${word}`);
    });
    expect(mentions).toEqual([]);
  });

  it("mentions only pages of docs/ that exist", () => {
    const missing = repositoryFiles().flatMap((file) =>
      [...readFileSync(join(repositoryRoot, file), "utf8").matchAll(/\bdocs\/[a-z-]+\.md\b/g)]
        .map((match) => match[0])
        .filter((page) => !existsSync(join(repositoryRoot, page)))
        .map((page) => `${file}: ${page}`),
    );
    expect(missing).toEqual([]);
  });
});
