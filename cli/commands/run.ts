// `stagecraft run <paths...> --events <file|folder|-> [--until <time>] [--trace] [--strict] [--sort]`
// (or `--module rules.ts` instead of paths): replays input events through the
// rules and prints derived events and effects as JSON Lines. Exit codes as in
// docs/contract.md: 1 rule errors, 2 usage or I/O, 3 invalid input event, 4 runtime error.
// `--save-snapshot` keeps the state at the end; `--resume` goes on from one, so a
// long history is replayed once and new events are fed to its snapshot. A
// snapshot of other rules is moved to these by the migration plan
// (docs/versions.md "Migration"); `--plan` prints that plan instead of running.
// A move that would leave records the new rules cannot hold is refused, exit 2
// (docs/versions.md "Schema changes"), with `--plan` too after the plan.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { createEngine, EventStreamValidator, formatOutputLine, formatPlanText, formatTrace, formatUnfitRecords, formatWithUtc, leavesUnfitRecords, planMigration, programFingerprint, resumeWithOtherRules, RuntimeError, SnapshotError, SNAPSHOT_VERSION, UnfitStateError, untilPassed, type CompiledProgram, type Engine, type EngineOptions, type OutputRecord, type Program, type Snapshot, type TraceRecord } from "../../runtime/index";
import { stdoutWriter, type BatchedWriter } from "../batched-writer";
import { compileOrReport } from "../compile-rules";
import { cannotWrite, CliError, ExitCode, usageError } from "../errors";
import { addEventsOptions, openEventsInput, streamCheckOptions, type EventsFlags, type EventsInput } from "../events-input";
import { readText } from "../sources";
import { describeUntil, parseUntil, UNTIL_FLAG } from "../until";
import { checkWritable } from "../writable";
import { SkippedEffects } from "../skipped-effects";
import type { Output } from "../output";
import { formatLineError } from "../../diagnostics/format";

interface RunOptions extends EventsFlags {
  events: string[];
  plan?: boolean;
  until?: string;
  trace?: boolean;
  module?: string;
  resume?: string;
  saveSnapshot?: string;
}

export function registerRun(program: Command, out: Output): void {
  const run = program
    .command("run")
    .description("replay events through the rules; print derived events and effects as JSON Lines")
    .argument("[paths...]", ".rules files or folders (or use --module)");
  addEventsOptions(run)
    .option(...UNTIL_FLAG)
    .option("--trace", "explain on stderr every rule considered")
    .option("--module <file.ts>", "run a module emitted by `stagecraft compile` instead of rule files")
    .option("--resume <snapshot.json>", "go on from a snapshot saved by --save-snapshot (the events continue it)")
    .option("--save-snapshot <file.json>", "after the run, save the state to resume from later")
    .option("--plan", "with --resume and other rules than the snapshot's: print the migration plan instead of running")
    .action(async (paths: string[], options: RunOptions) => {
      if (options.plan && options.resume === undefined) throw usageError("--plan needs --resume: it prints how the snapshot's state moves to these rules");
      const untilGiven = options.until === undefined ? undefined : parseUntil(options.until);
      if (options.saveSnapshot !== undefined) checkWritable("snapshot", options.saveSnapshot);
      const snapshot = options.resume === undefined ? undefined : readSnapshot(options.resume);
      const loaded = await loadProgram(paths, options, out);
      if (!loaded) return;
      if (options.plan) {
        const plan = guardSnapshot(options.resume!, () => planMigration(snapshot!, loaded.program, snapshot!.clock ?? 0));
        out.stdout(formatPlanText(plan));
        // The resume this plan describes would be refused: a script checking the plan must see it.
        if (leavesUnfitRecords(plan)) {
          const refusal = new UnfitStateError(plan);
          throw usageError(`${options.resume!}: the resume would be refused: error ${refusal.code}: ${refusal.message}`);
        }
        out.exit(ExitCode.ok);
        return;
      }
      const zone = loaded.program.calendar.timezone;
      const until = untilGiven?.in(zone);
      const events = openEventsInput(options.events, options, out);
      const skipped = new SkippedEffects();
      const engineOptions: EngineOptions = {
        onSkippedEffect: skipped.count,
        ...(loaded.compiled ? { compiled: loaded.compiled } : {}),
        ...(options.trace ? { onTrace: (t: TraceRecord) => out.stderr(formatTrace(t, (iso) => formatWithUtc(iso, zone)) + "\n") } : {}),
      };
      const { engine, migrated } = startEngine(loaded.program, engineOptions, snapshot, options.resume);
      const writer = stdoutWriter(out);
      writeAll(writer, migrated);
      // Where a runtime error happened, in the user's terms: the input line, or the
      // timers of --until. Only processing an event or --until throws, and each sets it first.
      const position = { at: "", lastAt: undefined as string | undefined };
      try {
        // A resumed stream goes on from the snapshot's time and records: an earlier line, or a
        // created for a record the snapshot holds, is an input error (exit 3).
        const validator = new EventStreamValidator(loaded.program, snapshot?.clock ?? null, snapshot?.records.map((record) => record.ref), streamCheckOptions(events, options));
        const code = await replay(engine, validator, events, writer, out, position);
        if (code === ExitCode.ok && until !== undefined) {
          const shown = describeUntil(untilGiven!, until);
          const passed = untilPassed("--until", shown, until, position.lastAt, snapshot?.clock ?? null);
          if (passed !== undefined) out.stderr(`stagecraft: warning: ${passed}\n`);
          position.at = `while firing the timers due by --until ${shown}`;
          writeAll(writer, engine.advanceTo(until));
        }
        writer.flush();
        out.stderr(skipped.summary());
        if (code === ExitCode.ok && options.saveSnapshot !== undefined) saveSnapshot(options.saveSnapshot, engine.snapshot());
        out.exit(code);
      } catch (error) {
        writer.flush();
        out.stderr(skipped.summary());
        if (!(error instanceof RuntimeError)) throw error;
        // Whatever the failing event decided before the error is still written.
        for (const record of error.outputs) writer.line(formatOutputLine(record));
        writer.flush();
        throw new CliError(`${position.at}: runtime error ${error.code}: ${error.message}`, ExitCode.runtime);
      }
    });
}

/**
 * The engine, and what moving the snapshot to these rules output when it was
 * saved by other rules (the deploy, cancelled and moved timers, and the timers
 * that fire at once), to be written before the events' outputs.
 */
function startEngine(program: Program, options: EngineOptions, snapshot: Snapshot | undefined, snapshotPath: string | undefined): { engine: Engine; migrated: OutputRecord[] } {
  if (!snapshot) return { engine: createEngine(program, options), migrated: [] };
  return guardSnapshot(snapshotPath!, () => {
    const saved = (snapshot.program as Snapshot["program"] | undefined)?.fingerprint;
    if (snapshot.version !== SNAPSHOT_VERSION || typeof saved !== "string" || saved === programFingerprint(program)) return { engine: createEngine(program, { ...options, snapshot }), migrated: [] };
    try {
      const resumed = resumeWithOtherRules(snapshot, program, options);
      return { engine: resumed.engine, migrated: resumed.outputs };
    } catch (error) {
      if (error instanceof UnfitStateError) throw usageError(`${snapshotPath}: this snapshot cannot move to these rules: error ${error.code}: ${error.message}\n${formatUnfitRecords(error.check).trimEnd()}`);
      if (!(error instanceof RuntimeError)) throw error;
      throw new CliError(`while moving the snapshot to these rules (the timers that fire at once): runtime error ${error.code}: ${error.message}`, ExitCode.runtime);
    }
  });
}

/**
 * A snapshot that cannot be resumed is the user's input: exit 2, not a crash.
 * SnapshotError says why (e.g. saved by another snapshot version); anything else
 * thrown while restoring means the file's fields are not a snapshot's.
 */
function guardSnapshot<T>(snapshotPath: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof SnapshotError) throw usageError(`${snapshotPath}: this snapshot cannot be resumed: ${error.message}`);
    throw usageError(`${snapshotPath}: this snapshot cannot be resumed: it is damaged or not saved by --save-snapshot (${(error as Error).message})`);
  }
}

function readSnapshot(path: string): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path, "snapshot"));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError(`${path}: not a snapshot saved by --save-snapshot (${(error as Error).message})`);
  }
  // `null` or a number would read as "no snapshot" and start from nothing without a word.
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw usageError(`${path}: not a snapshot saved by --save-snapshot (expected a JSON object)`);
  }
  return parsed as Snapshot;
}

function saveSnapshot(path: string, snapshot: Snapshot): void {
  try {
    writeFileSync(path, JSON.stringify(snapshot) + "\n");
  } catch (error) {
    throw cannotWrite("snapshot", path, error);
  }
}

async function loadProgram(
  paths: string[],
  options: RunOptions,
  out: Output,
): Promise<{ program: Program; compiled?: CompiledProgram } | undefined> {
  if (options.module !== undefined) {
    if (paths.length > 0) throw usageError("give either rule files or --module, not both");
    const { loadCompiledModule } = await import("../load-module");
    return loadCompiledModule(options.module);
  }
  const compiled = compileOrReport(paths, out);
  return compiled && { program: compiled.program };
}

/** Feeds the lines in order; stops at the first invalid one (exit 3) after writing all that came before. */
async function replay(engine: Engine, validator: EventStreamValidator, input: EventsInput, writer: BatchedWriter, out: Output, position: { at: string; lastAt: string | undefined }): Promise<number> {
  for (let batch = await input.next(); batch !== undefined; batch = await input.next()) {
    for (const line of batch) {
      const checked = validator.check(line.text, input.positionOf(line), line.parsed);
      if ("error" in checked) {
        writer.flush();
        out.stderr(formatLineError(line.file, line.lineNumber, checked.error) + "\n");
        return ExitCode.invalidEvent;
      }
      position.at = `${line.file}:${line.lineNumber} (event ${checked.event.id})`;
      position.lastAt = checked.event.at;
      writeAll(writer, engine.process(checked.event));
    }
    // Standard input may pause before its next lines: what these did is written now.
    writer.flush();
  }
  return ExitCode.ok;
}

function writeAll(writer: BatchedWriter, records: ReturnType<Engine["process"]>): void {
  for (const record of records) writer.line(formatOutputLine(record));
}
