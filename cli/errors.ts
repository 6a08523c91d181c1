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

/** Bad flags, missing files, unreadable paths: exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}
