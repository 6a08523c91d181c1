// What a change did to a record's fields. `changed(f)` means the value differs
// from `previous(f)` (docs/language.md), compared as `==` compares (a date-time
// written with another offset is the same value), so a change keeps only the
// fields whose value differs and what each held before. Every path that writes
// fields (input `created`/`updated`, `set`, `assign`, `create`, a responsible
// change) builds its change here, and both the interpreter and emitted code read
// it through `fieldChanged`.
import type { Value } from "../program/ir";
import type { EvalContext, RecordState } from "../types";
import { readField } from "./record-state";
import { valuesEqual } from "../expressions/values";

/** The change of an event that changed no field: shared, never written. */
export const NO_CHANGES: Record<string, Value> = Object.freeze({}) as Record<string, Value>;

export interface FieldChanges {
  /** The fields whose value differs, with their new value. */
  changes: Record<string, Value>;
  /** The same fields' values before the change. */
  previous: Record<string, Value>;
}

/** The fields of `given` that change `record` (none before it exists); null when none does. */
export function diffFields(record: RecordState | undefined, given: Readonly<Record<string, Value>>, zone: string): FieldChanges | null {
  let found: FieldChanges | null = null;
  for (const name in given) {
    const before = record === undefined ? null : readField(record, name);
    const after = given[name]!;
    if (valuesEqual(before, after, zone)) continue;
    found ??= { changes: {}, previous: {} };
    found.changes[name] = after;
    found.previous[name] = before;
  }
  return found;
}

/** `changed(field)`: the triggering change gave the field a different value. */
export function fieldChanged(ctx: EvalContext, field: string): boolean {
  return ctx.changes !== null && Object.hasOwn(ctx.changes, field);
}
