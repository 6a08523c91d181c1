// `stagecraft log export [--data DIR | --database URL] [--outputs FILE]`: the
// store's accepted events as `run` input on stdout, `until ISO` (the clock)
// on stderr, and with --outputs the stored outputs in `run`'s format, so that
// `run <rules> --events <stdout> --until ISO` prints exactly that file.
// `stagecraft log replay [--data DIR | --database URL]`: recomputes every
// stored output from the log with the rules of its time (deploys included)
// and reports any difference: exit 0 the same, 1 a difference, 2 usage or I/O.
import { closeSync, openSync, writeSync } from "node:fs";
import type { Command } from "commander";
import { plural } from "../../runtime/reporting/plural";
import { BatchedWriter, stdoutWriter } from "../batched-writer";
import { cannotWrite, CliError, ExitCode, usageError } from "../errors";
import type { Output } from "../output";
import type { ReplayReport, VersionNote } from "../../service/replay-log";
import { appendAll } from "../../runtime/append-all";
import type { Store } from "../../service/store/store";
import { storeLocation, type StoreFlags } from "../store-flags";

interface ExportOptions extends StoreFlags {
  outputs?: string;
}

export function registerLog(program: Command, out: Output): void {
  const log = program.command("log").description("read the event log of a `serve` store");
  storeOptions(log.command("export"))
    .description("write the accepted events as `run` input (stdout) and the clock as `until ISO` (stderr)")
    .option("--outputs <file>", "also write the stored outputs, as `run` prints them")
    .action(async (options: ExportOptions) => {
      const { exportLog } = await import("../../service/export-log");
      const outputs = options.outputs === undefined ? undefined : fileWriter(options.outputs);
      const events = stdoutWriter(out);
      try {
        await readStore(options, out, "stagecraft log export", async (store) => {
          const until = await exportLog(store, { event: (line) => events.line(line), ...(outputs ? { output: (line: string) => outputs.writer.line(line) } : {}) });
          events.flush();
          outputs?.writer.flush();
          if (until !== null) out.stderr(`until ${until}\n`);
        });
      } finally {
        outputs?.close();
      }
    });
  storeOptions(log.command("replay"))
    .description("recompute every stored output from the log with the rules of its time; report any difference (exit 1)")
    .action(async (options: StoreFlags) => {
      const { replayLog } = await import("../../service/replay-log");
      await readStore(options, out, "stagecraft log replay", async (store) => {
        const report = await replayLog(store);
        out.stdout(describeReplay(report, store.description));
        out.exit(report.differing === 0 ? ExitCode.ok : 1);
      });
    });
}

function storeOptions(command: Command): Command {
  return command
    .option("--data <dir>", "the store's folder (PGlite; default ./.stagecraft)")
    .option("--database <url>", "the store's PostgreSQL server (or set STAGECRAFT_DATABASE_URL)");
}

/** Opens the store a `log` command reads (one `serve` has written), runs `work` on it and closes it; a store that cannot be opened is exit 2. */
async function readStore(flags: StoreFlags, out: Output, command: string, work: (store: Store) => Promise<void>): Promise<void> {
  const location = storeLocation(flags, out.env ?? {});
  const { openStore } = await import("../../service/open-store");
  const { ServeError } = await import("../../service/store/errors");
  try {
    const store = await openStore(location, { command, writer: false });
    try {
      if (!(await store.exists())) throw usageError(`${store.description}: no store here (no \`stagecraft serve\` has written to it)`);
      await work(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof ServeError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}

function describeReplay(report: ReplayReport, store: string): string {
  const head = `${store}: replayed ${report.entries} log entries (${plural(report.deploys, "deploy")}, ${plural(report.versions, "version")} of the rules): ${report.outputs} outputs`;
  const notes = report.notes.map(describeNote);
  if (report.differing === 0) return [`${head}, all as stored`, ...notes].join("\n") + "\n";
  const lines = [`${head}; ${report.differing === 1 ? "1 position differs" : `${report.differing} positions differ`} from the stored outputs:`];
  for (const difference of report.differences) {
    lines.push(`  position ${difference.position}:`, `    stored:   ${difference.stored ?? "(none)"}`, `    replayed: ${difference.replayed ?? "(none)"}`);
  }
  if (report.differing > report.differences.length) lines.push(`  and ${report.differing - report.differences.length} more`);
  appendAll(lines, notes);
  return lines.join("\n") + "\n";
}

function describeNote({ version, note, errors }: VersionNote): string {
  if (note === "no files") return `  version ${version}: replayed with its stored IR (its files were not kept: the store is older than that)`;
  if (note === "errors") return `  version ${version}: replayed with its stored IR (its stored files have ${plural(errors ?? 0, "error")} with this Stagecraft)`;
  return `  version ${version}: its stored files compile to other IR than stored (this Stagecraft compiles them differently); replayed with the files`;
}

function fileWriter(path: string): { writer: BatchedWriter; close: () => void } {
  let fd: number;
  try {
    fd = openSync(path, "w");
  } catch (error) {
    throw cannotWrite("outputs file", path, error);
  }
  return { writer: new BatchedWriter((text) => writeSync(fd, text)), close: () => closeSync(fd) };
}
