// Replays the input events through the runtime, the way `stagecraft run` does,
// and keeps what the page shows besides the output: the input events between
// the records they caused, and a snapshot after each step for the state slider.
import type { InputEvent, Program } from "../../runtime/program/ir";
import { createEngine, RuntimeError } from "../../runtime/index";
import type { OutputRecord, Snapshot } from "../../runtime/types";

export type TimelineRow =
  | { kind: "input"; step: number; event: InputEvent }
  | { kind: "output"; step: number; record: OutputRecord }
  | { kind: "until"; step: number; at: string }
  | { kind: "failure"; step: number; code: string; message: string };

export interface Replay {
  rows: TimelineRow[];
  /** Exactly what `run` prints, in order. */
  outputs: OutputRecord[];
  /** The engine's state after each step: the timers due before an input event, the event, and `until`. */
  snapshots: Snapshot[];
  failure?: { code: string; message: string };
}

export function replay(program: Program, events: InputEvent[], until: string | undefined): Replay {
  const engine = createEngine(program);
  const result: Replay = { rows: [], outputs: [], snapshots: [] };
  const step = (run: () => OutputRecord[], place: (outputs: OutputRecord[]) => void): boolean => {
    try {
      place(run());
      return true;
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error;
      place(error.outputs);
      result.failure = { code: error.code, message: error.message };
      result.rows.push({ kind: "failure", step: result.snapshots.length, ...result.failure });
      return false;
    } finally {
      result.snapshots.push(engine.snapshot());
    }
  };

  for (const event of events) {
    // Timers due by the event's time fire first, as a step of their own, so the
    // state slider can show the record between them and the event.
    const timersStep = result.snapshots.length;
    const timersOk = step(
      () => engine.advanceTo(event.at),
      (outputs) => {
        result.outputs.push(...outputs);
        for (const record of outputs) result.rows.push({ kind: "output", step: timersStep, record });
      },
    );
    if (!timersOk) return result;
    const eventStep = result.snapshots.length;
    const ok = step(
      () => engine.process(event),
      (outputs) => {
        result.outputs.push(...outputs);
        result.rows.push({ kind: "input", step: eventStep, event });
        for (const record of outputs) result.rows.push({ kind: "output", step: eventStep, record });
      },
    );
    if (!ok) return result;
  }
  if (until) {
    const stepIndex = result.snapshots.length;
    step(
      () => engine.advanceTo(until),
      (outputs) => {
        result.outputs.push(...outputs);
        for (const record of outputs) result.rows.push({ kind: "output", step: stepIndex, record });
        result.rows.push({ kind: "until", step: stepIndex, at: until });
      },
    );
  }
  return result;
}
