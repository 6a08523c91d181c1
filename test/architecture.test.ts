// The layering rules of docs/architecture.md, checked on the import graph:
// browser layers import no Node-only module, the runtime never reaches back up
// into the grammar or the compiler, and diagnostics/ sits below every layer.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const browserLayers = ["diagnostics", "grammar", "compiler", "runtime", "stdlib", "language-service"];
const nodeOnlyModules = /^(node:|fs$|fs\/|path$|os$|child_process$|worker_threads$|process$|pg$|url$)/;

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) files.push(path);
  }
  return files;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

/** Node-only adapters live in a `node/` folder of their layer. */
function isNodeAdapter(file: string): boolean {
  return file.split(sep).includes("node");
}

describe("architecture", () => {
  it.each(browserLayers)("%s/ imports no Node-only module outside its node/ adapters", (layer) => {
    const offenders = sourceFiles(layer)
      .filter((file) => !isNodeAdapter(file))
      .flatMap((file) => importsOf(file).filter((m) => nodeOnlyModules.test(m)).map((m) => `${file} imports ${m}`));
    expect(offenders).toEqual([]);
  });

  it.each(browserLayers)("%s/ does not touch `process` outside its node/ adapters", (layer) => {
    const offenders = sourceFiles(layer)
      .filter((file) => !isNodeAdapter(file))
      .filter((file) => /\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/.test(readFileSync(join(root, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("runtime/ imports nothing from grammar/, compiler/, stdlib/ or the service", () => {
    const offenders = sourceFiles("runtime").flatMap((file) =>
      importsOf(file)
        .filter((m) => m.startsWith("."))
        .map((m) => relative(root, join(root, file, "..", m)))
        .filter((target) => /^(grammar|compiler|stdlib|cli|playground|service)(\/|$)/.test(target))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it("diagnostics/ imports nothing from any other layer (every layer reports through it)", () => {
    const offenders = sourceFiles("diagnostics").flatMap((file) =>
      importsOf(file)
        .filter((m) => m.startsWith("."))
        .map((m) => relative(root, join(root, file, "..", m)))
        .filter((target) => !target.startsWith(`diagnostics${sep}`))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it("grammar/ imports nothing downstream", () => {
    const offenders = sourceFiles("grammar").flatMap((file) =>
      importsOf(file)
        .filter((m) => m.startsWith("."))
        .map((m) => relative(root, join(root, file, "..", m)))
        .filter((target) => /^(compiler|runtime|cli|playground)(\/|$)/.test(target)),
    );
    expect(offenders).toEqual([]);
  });

  it("runtime/ reads no wall clock and no randomness", () => {
    const offenders = sourceFiles("runtime").filter((file) =>
      /\bDate\.now\(|Math\.random\(|new Date\(\)|performance\.now\(|setTimeout\(|setInterval\(|DateTime\.now\(|DateTime\.local\(\)/.test(
        readFileSync(join(root, file), "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
