// A deploy on a running engine: the timers due by the deploy's instant fire
// under the old rules, the state moves to the new rules by the migration plan,
// and the timers the plan brought due (a shorter delay already past) fire at
// once under the new ones. The service's deploy and its replay, and
// `run --resume` with other rules, all go through here. A change that leaves
// records the new rules cannot hold (schema-fit.ts) is refused before it
// changes the state; a deploy the log holds already happened, and its replay
// is never refused.
import type { Program } from "../program/ir";
import type { Engine, EngineOptions, OutputRecord, Snapshot } from "../types";
import { createEngine } from "../engine/engine";
import { appendAll } from "../append-all";
import { formatInstant } from "../time/instants";
import { applyMigration } from "./apply-migration";
import { isEmptyPlan, leavesUnfitRecords, planMigration, type MigrationPlan } from "./migration-plan";
import { UnfitStateError } from "../errors";

export interface Deployed {
  engine: Engine;
  plan: MigrationPlan;
  /** The old rules' timers due by the deploy, the deploy's own outputs, then the timers that fire at once. */
  outputs: OutputRecord[];
}

/**
 * `at`: epoch millis, not before the engine's clock. Rules of the same
 * fingerprint (moved, reformatted) change no state and output nothing; the
 * engine goes on with them, so unnamed rules are named by their new lines.
 * Throws UnfitStateError when the new rules cannot hold a record, after the
 * old rules' timers due by `at` have fired on `engine`; `replay`: the deploy
 * is one the log holds, carried out whatever the records hold.
 */
export function deployRules(engine: Engine, program: Program, at: number, options: EngineOptions = {}, replay = false): Deployed {
  const outputs = engine.advanceTo(formatInstant(at));
  const before = engine.snapshot();
  const plan = planMigration(before, program, at);
  if (isEmptyPlan(plan)) return { engine: createEngine(program, { ...options, snapshot: before }), plan, outputs };
  if (!replay) refuseUnfit(plan);
  return { ...resumeMigrated(before, program, plan, options, outputs), plan };
}

/** An engine of `program` from a snapshot of other rules, at the snapshot's clock; UnfitStateError as deployRules. */
export function resumeWithOtherRules(snapshot: Snapshot, program: Program, options: EngineOptions = {}): Deployed {
  const plan = planMigration(snapshot, program, snapshot.clock ?? 0);
  refuseUnfit(plan);
  return { ...resumeMigrated(snapshot, program, plan, options, []), plan };
}

function resumeMigrated(snapshot: Snapshot, program: Program, plan: MigrationPlan, options: EngineOptions, outputs: OutputRecord[]): Omit<Deployed, "plan"> {
  const migrated = applyMigration(snapshot, program, plan);
  const engine = createEngine(program, { ...options, snapshot: migrated.snapshot });
  appendAll(outputs, migrated.outputs);
  appendAll(outputs, engine.advanceTo(plan.at));
  return { engine, outputs };
}

function refuseUnfit(plan: MigrationPlan): void {
  if (leavesUnfitRecords(plan)) throw new UnfitStateError(plan);
}
