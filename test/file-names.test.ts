// One file-naming convention: every file of the repository is named in
// kebab-case (lower-case words joined by hyphens), as `check-item.ts` and
// `calendar-check.test.ts`; README.md and the dotfiles are the exceptions.
import { execFileSync } from "node:child_process";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/;
const exceptions = new Set(["README.md"]);

describe("file names", () => {
  it("are kebab-case", () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((file) => file !== "");
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => {
      const name = basename(file);
      return !name.startsWith(".") && !exceptions.has(name) && !kebabCase.test(name);
    });
    expect(offenders).toEqual([]);
  });
});
