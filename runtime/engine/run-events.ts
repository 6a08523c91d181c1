// Convenience for callers that hold the whole input: replay it and collect everything.
import type { InputEvent, Program } from "../program/ir";
import type { EngineOptions, OutputRecord } from "../types";
import { appendAll } from "../append-all";
import { createEngine } from "./engine";

export interface RunOptions extends Omit<EngineOptions, "snapshot"> {
  /** Fire timers due at or before this instant after the last event (`--until`). */
  until?: string;
}

export function runEvents(program: Program, events: readonly InputEvent[], options: RunOptions = {}): OutputRecord[] {
  const engine = createEngine(program, options);
  const outputs: OutputRecord[] = [];
  for (const event of events) appendAll(outputs, engine.process(event));
  if (options.until !== undefined) appendAll(outputs, engine.advanceTo(options.until));
  return outputs;
}
