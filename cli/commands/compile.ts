// `stagecraft compile <paths...> -o <file.ts>`: writes the rules as a
// standalone TypeScript module (compiler/backend). Exit 0, or 1 on rule errors
// (nothing is written then), 2 on usage or I/O errors.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { compileOrReport } from "../compile-rules";
import { cannotWrite, ExitCode } from "../errors";
import { formatTextReport } from "../print-diagnostics";
import type { Output } from "../output";
import { checkWritable } from "../writable";

export function registerCompile(program: Command, out: Output): void {
  program
    .command("compile")
    .description("emit a standalone TypeScript module of the rules (run it with `run --module`)")
    .argument("<paths...>", ".rules files or folders")
    .requiredOption("-o, --out <file.ts>", "the TypeScript module to write")
    .action(async (paths: string[], options: { out: string }) => {
      checkWritable("module", options.out);
      const compiled = compileOrReport(paths, out);
      if (!compiled) return;
      // ts-morph is heavy: loaded only by this command.
      const { emitModule } = await import("../../compiler/backend/index");
      const text = emitModule(compiled.program);
      try {
        writeFileSync(options.out, text);
      } catch (error) {
        throw cannotWrite("module", options.out, error);
      }
      if (compiled.result.diagnostics.length > 0) out.stderr(formatTextReport(compiled.report, out.isTty));
      out.exit(ExitCode.ok);
    });
}
