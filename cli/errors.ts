// Errors the CLI reports in the user's terms and the exit code each one maps to.
// Anything thrown that is not a CliError is a bug in Stagecraft, reported as such.

export const ExitCode = {
  ok: 0,
  ruleErrors: 1,
  usage: 2,
  invalidEvent: 3,
  runtime: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A rules file (or path) that cannot be read: exit 2; `check --format json` prints it as an SC1001 diagnostic of `file`. */
export class FileError extends CliError {
  constructor(
    message: string,
    readonly file: string,
    readonly position: { line: number; column: number } = { line: 1, column: 1 },
  ) {
    super(message, ExitCode.usage);
  }
}

/** Bad flags, missing files, unreadable paths: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}

/** `--format` of the commands that print text or JSON. */
export function textOrJson(format: string): "text" | "json" {
  if (format !== "text" && format !== "json") throw usageError(`--format must be "text" or "json", not "${format}"`);
  return format;
}

/** The system's error codes in words; others keep their code. */
const READ_PROBLEMS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of its path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
};

/** `cannot read events file x.jsonl: no such file` (exit 2). */
export function cannotRead(what: string, path: string, error: unknown): CliError {
  return new FileError(`cannot read ${what} ${path}: ${problemOf(error, READ_PROBLEMS)}`, path);
}

/** `cannot write the snapshot s.json: its folder does not exist` (exit 2). */
export function cannotWrite(what: string, path: string, error: unknown): CliError {
  return usageError(`cannot write ${what} ${path}: ${problemOf(error, { ...READ_PROBLEMS, ENOENT: "its folder does not exist" })}`);
}

function problemOf(error: unknown, problems: Record<string, string>): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? problems[code] : undefined) ?? code ?? (error as Error).message ?? "I/O error";
}
