// Reads each input line for both rule versions of a `diff`: each version's
// schema decides what a line means, so a field only the head version declares
// is refused for the base one. The stream's own checks (time order, ids,
// records created again) do not depend on the rules and run once.
import type { InputEvent, Program } from "../program/ir";
import { EventStreamValidator } from "../input/event-stream-validator";
import { validateEventLine, type InputError } from "../input/validate-event";
import type { DiffSide } from "./behaviour-diff";

export type PairedLine =
  | { base: InputEvent; head: InputEvent }
  /** `side` is the version whose rules refuse the line; absent when both do. */
  | { error: InputError; side?: DiffSide };

export class PairedEventValidator {
  private readonly stream: EventStreamValidator;

  constructor(
    private readonly base: Program,
    private readonly headProgram: Program,
  ) {
    this.stream = new EventStreamValidator(headProgram);
  }

  check(line: string, lineNumber: number): PairedLine {
    const base = validateEventLine(this.base, line);
    const head = this.stream.check(line, lineNumber);
    if ("error" in head) {
      // Refused by both versions' rules, or by the stream's checks: the events are at fault.
      if ("error" in base || !("error" in validateEventLine(this.headProgram, line))) return { error: head.error };
      return { error: head.error, side: "head" };
    }
    if ("error" in base) return { error: base.error, side: "base" };
    return { base: base.event, head: head.event };
  }
}
