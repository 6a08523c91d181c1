// The CLI's only door to the process: commands write through it, so tests can
// run them in-process and capture what they print and how they exit.

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Records the exit code; the process ends after the command returns. */
  exit(code: number): void;
  readonly isTty: boolean;
  /** Standard input's chunks as they arrive, for `--events -`. */
  stdin(): AsyncIterable<Uint8Array | string>;
  /** Environment variables (STAGECRAFT_DATABASE_URL); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
