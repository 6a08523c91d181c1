// V8 settings for the short commands (`check`, `fmt`), which an editor or a git
// hook runs on every save. Such a run is over in well under a second, before V8
// has settled, and two defaults made for long-running programs cost it most:
//
// - TurboFan inlines callees into the functions it optimises. Our parser and
//   checker are many small functions calling each other, so every optimisation
//   job grew large (the scanner's took 40–60 ms) and the single compiler thread
//   fell behind: on a 10,000-rule file it had 1.7 s of compile work queued for a
//   1 s run, and most of the file was read by unoptimised code. Without inlining
//   the same jobs total about 0.4 s and optimised code arrives in time.
// - The young generation doubles each time much of it survives a collection (the
//   syntax tree `fmt` holds; the items `check` reads a few at a time). Growing to
//   16 MB semi-spaces only adds fresh pages to fault in (about 4 ms per MB on the
//   machines measured) and caches to miss; copying the survivors costs the same
//   either way. Keeping it at its start size is faster: since `check` streams,
//   590 ms against 670 ms without it on the 10,000-rule file.
//
// Measured on the benchmark files (bench/README.md): about −25% wall time on
// the 10,000-rule check, a few percent on the 100-rule one. Long runs (`run`, `compile`) keep V8's
// defaults: for them inlining pays off, and a fixed young generation made
// `run` on 200,000 events 15% slower. Neither setting changes what a program does.
//
// Node warns that changing V8 flags after start-up may misbehave in general;
// these two are read afresh by each optimisation job and each young-generation
// collection, which is why they take effect here (`--trace-opt` and
// `--trace-gc` confirm it); test/cli/tuned-process.test.ts runs the CLI as a
// process with them on the golden files and the examples and compares its output.
// V8 prints "unrecognized flag" on stderr for a flag it no longer has, so the
// settings are applied only on V8 11 to 13 (Node 20 to 24), where both flags
// exist; measured on 11.3 (Node 20, −25%), 12.4 (Node 22, −16%) and 13.6
// (Node 24, no measurable change).
import { setFlagsFromString } from "node:v8";

const shortCommands = new Set(["check", "fmt"]);
const shortRunFlags = ["--no-turbo-inlining", "--semi-space-growth-factor=1"];

const checkedV8Majors = new Set([11, 12, 13]);

/** The V8 flags for the command `argv` (without node and script) runs: the settings above for a short command. */
export function v8FlagsFor(argv: readonly string[], v8Version: string = process.versions.v8): readonly string[] {
  const command = argv.find((arg) => !arg.startsWith("-"));
  if (command === undefined || !shortCommands.has(command)) return [];
  return checkedV8Majors.has(Number.parseInt(v8Version, 10)) ? shortRunFlags : [];
}

/** Applies `v8FlagsFor(argv)`; call it before the command's code runs. */
export function tuneV8ForCommand(argv: readonly string[]): void {
  for (const flag of v8FlagsFor(argv)) setFlagsFromString(flag);
}
