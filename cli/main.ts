// The process adapter: argv in, exit code out. Everything else is in cli.ts.
import { readFileSync } from "node:fs";
import { runCli } from "./cli";
import { tuneV8ForCommand } from "./v8-tuning";

// before any compiler code runs hot (see v8-tuning.ts)
tuneV8ForCommand(process.argv.slice(2));

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
  readStdin: () => readFileSync(0, "utf8"),
  env: process.env,
});
// Let stdout drain before exiting: piped output of a large run must not be cut.
process.exitCode = code;
