// Emits the declarations of `stagecraft/runtime` (runtime/index.ts and what its
// types reach) as .d.ts files: what package.json "exports" gives a consumer's
// type checker, so it never compiles our sources under its own options.
import ts from "typescript";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** Writes the declarations into `outDir` (emptied first); throws with the diagnostics if there are any. */
export function emitRuntimeTypes(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // the DOM library only for TextEncoder, which browsers and Node both have
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    strict: true,
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    // runtime/ imports diagnostics/ (the table of codes), so the declarations keep both folders
    rootDir: root,
    outDir,
  };
  const program = ts.createProgram([join(root, "runtime", "index.ts")], options);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => "\n" };
    throw new Error(`the runtime's declarations do not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  addExtensions(outDir);
}

// Our sources import `./engine`; Node's ESM resolution (a consumer with
// moduleResolution node16 or nodenext) needs the file's extension.
function addExtensions(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) addExtensions(path);
    else if (entry.name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.replace(/((?:from |import\()")(\.\.?\/[^"]+)(?<!\.js)"/g, '$1$2.js"'));
    }
  }
}
