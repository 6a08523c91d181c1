// Checks input lines as a stream: each line alone (validateEventLine), plus what
// only the stream shows — time order and ids. Output ids derive from input ids
// (`e6` → `e6.1`) and timers are `t<k>`, so an input id may neither repeat nor
// take one of those forms: every id in a run stays unique (docs/contract.md).
// Each id is kept for the validator's life (one run), so its memory grows with
// the number of events; ids are not kept in snapshots, so uniqueness holds
// within the events given to one validator.
import type { Program } from "./ir";
import { Diagnostics } from "../diagnostics/messages";
import { inputError, validateEventLine, type ValidatedLine } from "./validate-event";
import { formatInstant, parseInstant } from "./time";

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const LOWER_T = 116;

/** `t<number>` or `<anything>.<number>`: read by hand, it runs on every line. */
function hasOutputIdForm(id: string): boolean {
  let i = id.length - 1;
  while (i >= 0 && id.charCodeAt(i) >= DIGIT_0 && id.charCodeAt(i) <= DIGIT_9) i--;
  if (i === id.length - 1) return false; // does not end in a number
  return (i === 0 && id.charCodeAt(0) === LOWER_T) || (i > 0 && id.charCodeAt(i) === DOT);
}

export class EventStreamValidator {
  /** The `at` of the last accepted line, as given, and as epoch millis. */
  private previousAt: string | undefined;
  private previous: number;
  /** Input id → the line that used it first. */
  private readonly lineOfId = new Map<string, number>();

  /**
   * `resumedAt` (epoch millis, a snapshot's `clock`) is where the stream goes on
   * from: a line earlier than it is refused like one earlier than the line before.
   */
  constructor(
    private readonly program: Program,
    private readonly resumedAt: number | null = null,
  ) {
    this.previous = resumedAt ?? -Infinity;
  }

  check(line: string, lineNumber: number): ValidatedLine {
    const checked = validateEventLine(this.program, line);
    if ("error" in checked) return checked;
    const { id, at } = checked.event;
    // validateEventLine has just read this `at`: parseInstant remembers it.
    const instant = parseInstant(at);
    if (instant < this.previous) {
      const before =
        this.previousAt !== undefined ? `the previous event's ${this.previousAt}` : `${formatInstant(this.resumedAt!)}, the time the resumed snapshot had reached`;
      return { error: inputError(Diagnostics.TimeGoesBack, { at, previous: before }) };
    }
    const first = this.lineOfId.get(id);
    if (first !== undefined) {
      return { error: inputError(Diagnostics.DuplicateId, { id, line: first }) };
    }
    if (hasOutputIdForm(id)) {
      return { error: inputError(Diagnostics.OutputIdForm, { id, example: `e${id.replace(/[^A-Za-z0-9]/g, "_")}` }) };
    }
    this.lineOfId.set(id, lineNumber);
    this.previousAt = at;
    this.previous = instant;
    return checked;
  }
}
