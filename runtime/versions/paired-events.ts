// Reads each input line for both rule versions of a `diff`: each version's
// schema decides what a line means, so a field only the head version declares
// is refused for the base one. The stream's own checks (time order, ids,
// records created again) do not depend on the rules and run once. When both
// versions declare the same entities and events (a change of rules only), a
// line means the same to both: it is read once and both runs get that event.
import type { InputEvent, Program } from "../program/ir";
import { EventStreamValidator, type StreamCheckOptions } from "../input/event-stream-validator";
import { validateEventLine, type InputError } from "../input/validate-event";
import { programManifest } from "../program/identity";
import type { DiffSide } from "./behaviour-diff";

export type PairedLine =
  | { base: InputEvent; head: InputEvent }
  /** `side` is the version whose rules refuse the line; absent when both do. */
  | { error: InputError; side?: DiffSide };

export class PairedEventValidator {
  private readonly stream: EventStreamValidator;
  private readonly sameSchema: boolean;

  constructor(
    private readonly base: Program,
    private readonly head: Program,
    options: StreamCheckOptions = {},
  ) {
    this.stream = new EventStreamValidator(head, null, [], options);
    this.sameSchema = inputSchema(base) === inputSchema(head);
  }

  /** `parsed`: the line's JSON.parse, when the caller has read it already (the head's check reads it, the base's reads the line anew). */
  check(line: string, lineNumber: number, parsed?: unknown): PairedLine {
    if (this.sameSchema) {
      const checked = this.stream.check(line, lineNumber, parsed);
      return "error" in checked ? { error: checked.error } : { base: checked.event, head: checked.event };
    }
    const base = validateEventLine(this.base, line);
    const head = this.stream.check(line, lineNumber, parsed);
    if ("error" in head) {
      // Refused by both versions' rules, or by the stream's checks: the events are at fault.
      if ("error" in base || !("error" in validateEventLine(this.head, line))) return { error: head.error };
      return { error: head.error, side: "head" };
    }
    if ("error" in base) return { error: base.error, side: "base" };
    return { base: base.event, head: head.event };
  }
}

/** What reading an input line depends on: the entities and events declared, by digest. */
function inputSchema(program: Program): string {
  let text = "";
  for (const item of programManifest(program).items) if (item.kind === "entity" || item.kind === "event") text += `${item.kind} ${item.id} ${item.digest}\n`;
  return text;
}
