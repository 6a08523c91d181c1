// The turn in progress: one input event or one due timer, and what follows from
// it. It numbers the outputs (docs/language.md "Output ids"), stamps them with
// the turn's time, and queues the events derived inside it, which the engine
// then handles first-in first-out (docs/language.md "Order").
import type { Value } from "../program/ir";
import type { OutputRecord } from "../types";
import { formatInstant, isOutputForm } from "../time/instants";
import { CascadeError } from "../errors";
import { ruleChain, type Firing } from "./firing";
import type { PendingEvent } from "./pending-event";

/**
 * A cascade that fans out (`for each` over referrers, sets across records) can
 * stay shallow while it multiplies; bounding what one turn derives, at this many
 * events per level of depth, keeps it a runtime error instead of exhausting memory.
 */
const DERIVED_PER_LEVEL = 1000;

export class Turn {
  /** Where outputs go: the list the current `process` or `advanceTo` returns. */
  outputs: OutputRecord[] = [];
  /** The time of the input event or of the timer's due time (epoch millis). */
  now = 0;
  private nowText = "";
  private id = "";
  private isTimer = false;
  private count = 0;
  private derived = 0;
  /** Events derived in this turn, waiting for their rules. */
  readonly queue: PendingEvent[] = [];

  constructor(private readonly cascadeBound: number) {}

  /** An input event's turn; its time as sent is the outputs' `at` when already in output form. */
  beginInput(id: string, at: number, atText: string): void {
    this.begin(id, false, at);
    if (this.nowText === "" && isOutputForm(atText)) this.nowText = atText;
  }

  beginTimer(id: string, due: number): void {
    this.begin(id, true, due);
  }

  private begin(id: string, isTimer: boolean, at: number): void {
    this.id = id;
    this.isTimer = isTimer;
    this.count = 0;
    this.derived = 0;
    if (at !== this.now) {
      this.now = at;
      this.nowText = "";
    }
  }

  /** The current time as output text, formatted only when something is output or traced. */
  nowAsText(): string {
    if (this.nowText === "") this.nowText = formatInstant(this.now);
    return this.nowText;
  }

  /** Input event e's outputs are e.1, e.2…; timer tK's are tK, tK.1, tK.2… (docs/language.md "Output ids"). */
  nextId(): string {
    if (this.isTimer) return this.count++ === 0 ? this.id : `${this.id}.${this.count - 1}`;
    return `${this.id}.${++this.count}`;
  }

  emit(id: string, entity: string, type: string, data: Record<string, Value>, firing: Firing): void {
    this.outputs.push({ id, at: this.nowAsText(), entity, type, data, cause: firing.cause, rule: firing.rule });
  }

  enqueue(event: PendingEvent): void {
    if (event.firing.depth > this.cascadeBound) throw new CascadeError(ruleChain(event.firing), this.cascadeBound);
    if (++this.derived > this.cascadeBound * DERIVED_PER_LEVEL) throw new CascadeError(ruleChain(event.firing), this.cascadeBound * DERIVED_PER_LEVEL, true);
    this.queue.push(event);
  }
}
