// An option the command does not know, found before commander parses: commander
// reports a missing required option first, so `run --event x` would say that
// `--events` is missing without saying that `--event` was meant.
import type { Command } from "commander";
import { closestName } from "../diagnostics/suggest";

/** The first unknown `--option` of the command that `argv` names, as a message; undefined when all are known. */
export function unknownOption(program: Command, argv: readonly string[]): string | undefined {
  let command = program;
  let index = 0;
  for (; index < argv.length; index++) {
    const sub = command.commands.find((candidate) => candidate.name() === argv[index] || candidate.aliases().includes(argv[index]!));
    if (!sub) break;
    command = sub;
  }
  const known = [...command.options.map((option) => option.long), "--help", ...(command === program ? ["--version"] : [])].filter((name): name is string => name !== undefined);
  for (const arg of argv.slice(index)) {
    if (arg === "--") return undefined;
    if (!arg.startsWith("--")) continue;
    const name = arg.split("=")[0]!;
    if (known.includes(name)) continue;
    const closest = closestName(name, known);
    return `error: unknown option '${name}'${closest !== undefined ? `. Did you mean \`${closest}\`?` : ""}\n${usageHint(command)}\n`;
  }
  return undefined;
}

/** `(run \`stagecraft run --help\` for usage)`: the help of the command a usage error is about. */
export function usageHint(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return `(run \`${["stagecraft", ...names, "--help"].join(" ")}\` for usage)`;
}
