// The paths rule names and diagnostics show: a file's name in the folder given,
// or its path as given where two files would otherwise show the same path.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSources } from "../../cli/sources";

let root: string;
let cwd: string;

function write(path: string): void {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), `// ${path}\n`);
}

beforeEach(() => {
  cwd = process.cwd();
  root = mkdtempSync(join(tmpdir(), "stagecraft-sources-"));
  process.chdir(root);
});

afterEach(() => process.chdir(cwd));

describe("loadSources", () => {
  it("names files relative to the folder given", () => {
    write("rules/schema.rules");
    write("rules/deals/won.rules");
    expect(loadSources(["rules"]).map((source) => source.path)).toEqual(["deals/won.rules", "schema.rules"]);
  });

  it("keeps the path as given for files of the same name in two folders", () => {
    write("a/x.rules");
    write("b/x.rules");
    expect(loadSources(["a", "b"]).map((source) => source.path)).toEqual(["a/x.rules", "b/x.rules"]);
  });

  it("never shows two files under one path, even when a name equals another file's path as given", () => {
    write("d/b/a/x.rules");
    write("b/a/x.rules");
    write("c/a/x.rules");
    const paths = loadSources(["d", "b", "c"]).map((source) => source.path);
    expect(new Set(paths).size).toBe(3);
    expect(paths).toEqual(["d/b/a/x.rules", "b/a/x.rules", "c/a/x.rules"]);
  });
});
