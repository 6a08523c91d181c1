// Errors that stop a run. The CLI maps RuntimeError to exit code 4; the
// outputs produced before the failure travel with the error so that everything
// decided up to then can still be written.
import { Diagnostics } from "../diagnostics/messages";
import { diagnose } from "../diagnostics/message";
import type { OutputRecord } from "./types";
import type { ProgramChanges } from "./program/identity";
import type { SchemaCheck } from "./versions/schema-fit";
import type { MigrationPlan } from "./versions/migration-plan";

export class RuntimeError extends Error {
  readonly code: string;
  /** Outputs of the failing event produced before the error. */
  outputs: OutputRecord[] = [];

  /** `error` is a message of the table with its arguments filled in (`diagnose`). */
  constructor(error: { code: string; message: string }) {
    super(error.message);
    this.name = "RuntimeError";
    this.code = error.code;
  }
}

/** A derived-event chain grew past the bound: the rules feed each other (docs/language.md "Loops end"). */
export class CascadeError extends RuntimeError {
  /** Rule names from the first rule of the chain to the one that overflowed it. */
  readonly chain: string[];

  /** `wide`: the bound is on the events one turn derives, not on the depth of the chain. */
  constructor(chain: string[], bound: number, wide = false) {
    super(diagnose(wide ? Diagnostics.CascadeWide : Diagnostics.Cascade, { bound, chain: summariseChain(chain) }));
    this.name = "CascadeError";
    this.chain = chain;
  }
}

/** Input events must come in time order; the engine refuses to go back. */
export class EventOrderError extends RuntimeError {
  constructor(eventId: string, at: string, previous: string) {
    super(diagnose(Diagnostics.EventOutOfOrder, { id: eventId, at, previous }));
    this.name = "EventOrderError";
  }
}

/** An expression called a function the runtime does not know (an IR from a newer compiler). */
export class UnknownFunctionError extends RuntimeError {
  constructor(name: string) {
    super(diagnose(Diagnostics.RuntimeUnknownFunction, { name }));
    this.name = "UnknownFunctionError";
  }
}

/** A `created` event for a record that exists: replacing it would lose its state. */
export class RecordExistsError extends RuntimeError {
  constructor(eventId: string, ref: string) {
    super(diagnose(Diagnostics.RecordCreatedAgain, { id: eventId, ref }));
    this.name = "RecordExistsError";
  }
}

/**
 * A deploy (or `run --resume` with other rules) that would leave records the
 * new rules cannot hold: of an entity type they remove, with a stage open that
 * their pipeline lacks, with a value outside a field's new type
 * (runtime/versions/schema-fit.ts). `check` lists them.
 */
export class UnfitStateError extends RuntimeError {
  readonly check: SchemaCheck;

  /** `plan`: the refused change's, whose `schema` finds unfit records. */
  constructor(readonly plan: MigrationPlan) {
    const check = plan.schema!;
    const [first] = check.records;
    const more = check.unfit - 1;
    super(
      diagnose(Diagnostics.UnfitState, {
        count: `${check.unfit} record${check.unfit === 1 ? "" : "s"}`,
        first: first ? `${first.record} (${first.misfits.map((misfit) => misfit.problem).join("; ")})` : "",
        more: more > 0 ? `, and ${more} more` : "",
      }),
    );
    this.name = "UnfitStateError";
    this.check = check;
  }
}

export class SnapshotError extends RuntimeError {
  constructor(message: string) {
    super(diagnose(Diagnostics.SnapshotMismatch, { reason: message }));
    this.name = "SnapshotError";
  }
}

/**
 * A snapshot saved by another program: its timers and instances may belong to
 * rules that are gone or now do something else. A plain restore refuses it,
 * naming what changed; moving the state to the new rules is a migration
 * (resumeWithOtherRules, which `run --resume` uses; docs/versions.md).
 */
export class ProgramChangedError extends SnapshotError {
  readonly changes: ProgramChanges;

  constructor(changes: ProgramChanges) {
    super(
      `the rules changed since it was saved (${describeProgramChanges(changes)}); ` +
        "a snapshot resumes only with the rules that saved it: run with those rules, or replay all events with the new ones",
    );
    this.name = "ProgramChangedError";
    this.changes = changes;
  }
}

const LISTED = 10;

/** The changes in a line: `added: rule "A"; changed: rule "B"`, each list cut after ten names. */
export function describeProgramChanges(changes: ProgramChanges): string {
  const parts: string[] = [];
  for (const [label, names] of [["added", changes.added], ["removed", changes.removed], ["changed", changes.changed]] as const) {
    if (names.length === 0) continue;
    const shown = names.slice(0, LISTED).join(", ");
    parts.push(`${label}: ${shown}${names.length > LISTED ? ` and ${names.length - LISTED} more` : ""}`);
  }
  return parts.length > 0 ? parts.join("; ") : "its fingerprint differs";
}

// A cycle repeats the same few rules; name each once, in the order the chain met them.
function summariseChain(chain: string[]): string {
  const distinct = [...new Set(chain)];
  const shown = distinct.length <= 12 ? distinct : [...distinct.slice(0, 12), "…"];
  return shown.join(" -> ");
}

/**
 * A loop of the runtime passed the bound its input guarantees (the checker
 * refuses programs that could reach it): a bug of Stagecraft, reported as an
 * internal error instead of running for ever. Deliberately not a RuntimeError.
 */
export class LoopBoundError extends Error {
  constructor(what: string) {
    super(`loop bound exceeded: ${what}`);
    this.name = "LoopBoundError";
  }
}
