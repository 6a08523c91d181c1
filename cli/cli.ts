// Builds the command-line program and runs one invocation. Kept free of
// `process` so tests run commands in-process through an `Output`.
import { Command, CommanderError } from "commander";
import { CliError, ExitCode } from "./errors";
import type { Output } from "./output";
import { registerCheck } from "./commands/check";
import { registerFmt } from "./commands/fmt";
import { registerRun } from "./commands/run";
import { registerTest } from "./commands/test";
import { registerExplain } from "./commands/explain";
import { registerCompile } from "./commands/compile";
import { registerServe } from "./commands/serve";
import { registerLog } from "./commands/log";
import { registerDiff } from "./commands/diff";
import { registerLsp } from "./commands/lsp";
import { registerDeploy } from "./commands/deploy";
import { internalError } from "../diagnostics/internal";
import { unknownOption, usageHint } from "./unknown-options";

export const VERSION = "0.1.0";

export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const recordingOut: Output = {
    ...out,
    stdout: (t) => out.stdout(t),
    stderr: (t) => out.stderr(t),
    stdin: () => out.stdin(),
    isTty: out.isTty,
    exit: (code) => {
      exitCode = code;
    },
  };
  const program = new Command()
    .name("stagecraft")
    .description("Rules for CRM pipeline automation: check, format, run, test and compile .rules files, and serve them live.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (t) => out.stdout(t), writeErr: (t) => out.stderr(t) });
  for (const register of [registerCheck, registerFmt, registerRun, registerTest, registerCompile, registerExplain, registerServe, registerDeploy, registerLog, registerDiff, registerLsp]) {
    register(program, recordingOut);
  }
  // commander's own usage errors (a missing option or argument) point at the help of the command they are about
  const commands = [program];
  for (let command = commands.pop(); command !== undefined; command = commands.pop()) {
    command.exitOverride().showHelpAfterError(usageHint(command));
    for (const sub of command.commands) commands.push(sub);
  }
  const unknown = unknownOption(program, argv);
  if (unknown !== undefined) {
    out.stderr(unknown);
    return ExitCode.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      out.stderr(`stagecraft: ${error.message}\n`);
      return error.exitCode;
    }
    const internal = internalError("command", error, "Give the command you ran.");
    out.stderr(`stagecraft: error ${internal.code}: ${internal.message}\n`);
    return 70;
  }
}
