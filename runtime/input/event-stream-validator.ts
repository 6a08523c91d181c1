// Checks input lines as a stream: each line alone (validateEventLine), plus what
// only the stream shows — time order, ids and records. Output ids derive from input ids
// (`e6` → `e6.1`) and timers are `t<k>`, so an input id may neither repeat nor
// take one of those forms: every id in a run stays unique (docs/contract.md).
// Each id is kept for the validator's life (one run), so its memory grows with
// the number of events; ids are not kept in snapshots, so uniqueness holds
// within the events given to one validator.
// A `created` line for a record that exists is refused (SC3012): a webhook
// delivered twice must not wipe the record's stage, fields and timers. A record
// exists from the first line that mentions it (any event but `deleted` starts
// an empty record) until a `deleted` line; after that it may be created anew.
// Strict, only a `created` line makes a record exist: any other line for a
// record that does not is refused (SC3021), as an export that lost lines would be.
// Positions are numbers the caller gives each line (its line number, or one that
// also names its file): `describePosition` writes one for a message.
import type { Program } from "../program/ir";
import { Diagnostics } from "../../diagnostics/messages";
import { errorAt, validateEventLine, type InputError, type ValidatedLine } from "./validate-event";
import { formatInstant, parseInstant } from "../time/instants";

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const LOWER_T = 116;

/** `t<number>` or `<anything>.<number>`: read by hand, it runs on every line. */
export function hasOutputIdForm(id: string): boolean {
  let i = id.length - 1;
  while (i >= 0 && id.charCodeAt(i) >= DIGIT_0 && id.charCodeAt(i) <= DIGIT_9) i--;
  if (i === id.length - 1) return false; // does not end in a number
  return (i === 0 && id.charCodeAt(0) === LOWER_T) || (i > 0 && id.charCodeAt(i) === DOT);
}

export interface StreamCheckOptions {
  /** Only a `created` line makes a record exist (`run --strict`). */
  strict?: boolean;
  /** How a position given to `check` is named in messages; `line N` by default. */
  describePosition?: (position: number) => string;
  /** Added to SC3009 for a line earlier than the one before it: how the caller's user can sort the events. */
  orderHint?: string;
}

const lineWord = (position: number): string => `line ${position}`;

export class EventStreamValidator {
  /** The `at` of the last accepted line, as given, and as epoch millis. */
  private previousAt: string | undefined;
  private previous: number;
  /** Input id → the line that used it first. */
  private readonly lineOfId = new Map<string, number>();
  /**
   * Existing record → the line that created it, or minus the line of another
   * event that started it before any created; 0 when the resumed snapshot holds it.
   * A number, not an object: a run may hold millions of records.
   */
  private readonly lineOfRecord = new Map<string, number>();
  /** Strict only: a deleted record → the line that deleted it, to say so when it is used again. */
  private readonly lineOfDeletion = new Map<string, number>();
  private readonly strict: boolean;
  private readonly describe: (position: number) => string;
  private readonly orderHint: string;

  /**
   * `resumedAt` (epoch millis, a snapshot's `clock`) is where the stream goes on
   * from: a line earlier than it is refused like one earlier than the line before.
   * `resumedRecords` are the records the snapshot holds: they exist already.
   */
  constructor(
    private readonly program: Program,
    private readonly resumedAt: number | null = null,
    resumedRecords: Iterable<string> = [],
    options: StreamCheckOptions = {},
  ) {
    this.strict = options.strict ?? false;
    this.describe = options.describePosition ?? lineWord;
    this.orderHint = options.orderHint ?? "";
    this.previous = resumedAt ?? -Infinity;
    for (const ref of resumedRecords) this.lineOfRecord.set(ref, 0);
  }

  /** `parsed`: the line's JSON.parse, when the caller has read it already. */
  check(line: string, lineNumber: number, parsed?: unknown): ValidatedLine {
    const checked = validateEventLine(this.program, line, parsed);
    if ("error" in checked) return checked;
    const { id, at } = checked.event;
    // validateEventLine has just read this `at`: parseInstant remembers it.
    const instant = parseInstant(at);
    if (instant < this.previous) {
      if (this.previousAt === undefined) {
        const snapshotTime = `${formatInstant(this.resumedAt!)}, the time the resumed snapshot had reached`;
        return { error: errorAt("at", Diagnostics.TimeGoesBack, { at, previous: snapshotTime, hint: "" }) };
      }
      return { error: errorAt("at", Diagnostics.TimeGoesBack, { at, previous: `the previous event's ${this.previousAt}`, hint: this.orderHint }) };
    }
    const first = this.lineOfId.get(id);
    if (first !== undefined) {
      return { error: errorAt("id", Diagnostics.DuplicateId, { id, where: this.describe(first) }) };
    }
    if (hasOutputIdForm(id)) {
      return { error: errorAt("id", Diagnostics.OutputIdForm, { id, example: `e${id.replace(/[^A-Za-z0-9]/g, "_")}` }) };
    }
    const recordError = this.checkRecord(checked.event.entity, checked.event.type, lineNumber);
    if (recordError) return { error: recordError };
    this.lineOfId.set(id, lineNumber);
    this.previousAt = at;
    this.previous = instant;
    return checked;
  }

  /** Keeps which records exist; a `created` for one of them is SC3012, strict any other line for another is SC3021. */
  private checkRecord(ref: string, type: string, lineNumber: number): InputError | undefined {
    const first = this.lineOfRecord.get(ref);
    if (this.strict && first === undefined && type !== "created") {
      const deleted = this.lineOfDeletion.get(ref);
      const why = deleted === undefined ? "no created line came before" : `${this.describe(deleted)} deleted it`;
      return errorAt("entity", Diagnostics.RecordNotCreated, { ref, why });
    }
    if (type === "deleted") {
      this.lineOfRecord.delete(ref);
      if (this.strict) this.lineOfDeletion.set(ref, lineNumber);
      return undefined;
    }
    if (first === undefined) {
      this.lineOfRecord.set(ref, type === "created" ? lineNumber : -lineNumber);
      if (this.strict) this.lineOfDeletion.delete(ref);
      return undefined;
    }
    if (type !== "created") return undefined;
    const origin =
      first === 0
        ? "the resumed snapshot holds it"
        : first > 0
          ? `${this.describe(first)} created it`
          : `${this.describe(-first)} started it (an event for it came before any created)`;
    return errorAt("type", Diagnostics.RecordExists, { ref, origin });
  }
}
