// Runs the CLI in-process with captured output, as a user's shell would see it.
import { runCli } from "../../cli/cli";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], stdin = ""): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    exit: () => undefined,
    isTty: false,
    stdin: async function* () {
      if (stdin !== "") yield stdin;
    },
  });
  return { code, stdout, stderr };
}
