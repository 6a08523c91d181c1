// `stagecraft compile <paths> -o rules.ts` writes the module (exit 0) or
// nothing (exit 1 on rule errors), and `loadCompiledModule` loads what it
// wrote; a file that is not such a module is a usage error (exit 2).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { registerCompile } from "../../cli/commands/compile";
import { CliError } from "../../cli/errors";
import { loadCompiledModule } from "../../cli/load-module";
import type { Output } from "../../cli/output";
import { RuntimeError } from "../../runtime/index";
import { compileProgram, folderSources, root } from "./harness";

async function compile(args: string[]): Promise<{ code: number; stderr: string }> {
  let code = 0;
  let stderr = "";
  const out: Output = {
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
    exit: (exitCode) => void (code = exitCode),
    isTty: false,
    stdin: async function* () {},
  };
  const program = new Command().exitOverride();
  registerCompile(program, out);
  program.commands.forEach((command) => command.exitOverride());
  try {
    await program.parseAsync(["compile", ...args], { from: "user" });
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stderr: error.message };
    if (error instanceof CommanderError) return { code: 2, stderr: error.message };
    throw error;
  }
  return { code, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), "stagecraft-compile-"));
const solar = join(root, "examples", "solar-substates");

describe("stagecraft compile", () => {
  it("writes a module that loads to the folder's program, exit 0", async () => {
    const out = join(scratch, "solar.ts");
    expect(await compile([solar, "-o", out])).toEqual({ code: 0, stderr: "" });
    const loaded = await loadCompiledModule(out);
    expect(loaded.program).toEqual(JSON.parse(JSON.stringify(compileProgram(folderSources(solar)))));
    expect(loaded.compiled.rules?.map((rule) => rule.id)).toEqual(loaded.program.rules.map((rule) => rule.id));
  });

  it("writes nothing and prints the diagnostics on rule errors, exit 1", async () => {
    const rules = join(scratch, "broken.rules");
    writeFileSync(rules, 'entity deal {\n  title: text\n}\non deal stage "Nope" open -> close "Nope"\n');
    const out = join(scratch, "broken.ts");
    const result = await compile([rules, "-o", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.rules:4:\d+: error SC\d{4}/);
    expect(existsSync(out)).toBe(false);
  });

  it("requires -o", async () => {
    expect((await compile([solar])).code).toBe(2);
  });
});

describe("loadCompiledModule", () => {
  it("caches the bundle by content: a second load reads it, an edited module is bundled again", async () => {
    const path = join(scratch, "cached.ts");
    writeFileSync(path, readFileSync(join(scratch, "solar.ts"), "utf8"));
    const cache = join(process.env.XDG_CACHE_HOME!, "stagecraft", "modules");
    const before = existsSync(cache) ? readdirSync(cache).length : 0;
    const first = await loadCompiledModule(path);
    expect(readdirSync(cache)).toHaveLength(before + 1);
    expect((await loadCompiledModule(path)).program).toEqual(first.program);
    expect(readdirSync(cache)).toHaveLength(before + 1);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll('"Validate documents"', '"Validate the documents"'));
    const edited = await loadCompiledModule(path);
    expect(edited.program.rules[0]!.name).toBe("Validate the documents");
    expect(readdirSync(cache)).toHaveLength(before + 2);
  });

  it("rejects a file that does not export a program, and one that does not parse", async () => {
    const notModule = join(scratch, "other.ts");
    writeFileSync(notModule, "export const answer: number = 42;\n");
    await expect(loadCompiledModule(notModule)).rejects.toThrow(/exports no `program`/);
    const broken = join(scratch, "broken-syntax.ts");
    writeFileSync(broken, "export const program = {\n");
    await expect(loadCompiledModule(broken)).rejects.toThrow(/broken-syntax\.ts:\d+:\d+: cannot load the module/);
  });

  it("binds the module's runtime import to the running runtime (one RuntimeError class, exit 4 still works)", async () => {
    const probe = join(scratch, "probe.ts");
    const program = JSON.stringify(compileProgram(folderSources(solar)));
    writeFileSync(probe, `import { RuntimeError } from "stagecraft/runtime";\nexport const program = ${program};\nexport const compiled = { runtimeError: RuntimeError };\n`);
    const loaded = await loadCompiledModule(probe);
    expect((loaded.compiled as { runtimeError?: unknown }).runtimeError).toBe(RuntimeError);
  });
});
