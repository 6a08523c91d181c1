// The process adapter: argv in, exit code out. Everything else is in cli.ts.
import { runCli } from "./cli";

// A reader that stops early (`stagecraft run … | head`) closes the pipe: that is
// the reader's choice, not an error to report with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: () => undefined,
  isTty: Boolean(process.stdout.isTTY),
  stdin: () => process.stdin,
  env: process.env,
});
// Let stdout drain before exiting: piped output of a large run must not be cut.
process.exitCode = code;
