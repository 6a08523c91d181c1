// Errors that stop a run. The CLI maps RuntimeError to exit code 4; the
// outputs produced before the failure travel with the error so that everything
// decided up to then can still be written.
import type { OutputRecord } from "./types";

export class RuntimeError extends Error {
  readonly code: string;
  /** Outputs of the failing event produced before the error. */
  outputs: OutputRecord[] = [];

  constructor(code: string, message: string) {
    super(message);
    this.name = "RuntimeError";
    this.code = code;
  }
}

/** A derived-event chain grew past the bound: the rules feed each other (docs/language.md "Loops end"). */
export class CascadeError extends RuntimeError {
  /** Rule names from the first rule of the chain to the one that overflowed it. */
  readonly chain: string[];

  constructor(chain: string[], bound: number) {
    super("SC4001", `cascade deeper than ${bound} derived events; the rules feed each other: ${summariseChain(chain)}`);
    this.name = "CascadeError";
    this.chain = chain;
  }
}

/** Input events must come in time order; the engine refuses to go back. */
export class EventOrderError extends RuntimeError {
  constructor(eventId: string, at: string, previous: string) {
    super("SC4002", `event "${eventId}" at ${at} is earlier than the previous time ${previous}`);
    this.name = "EventOrderError";
  }
}

/** An expression called a function the runtime does not know (an IR from a newer compiler). */
export class UnknownFunctionError extends RuntimeError {
  constructor(name: string) {
    super("SC4003", `unknown function "${name}"`);
    this.name = "UnknownFunctionError";
  }
}

export class SnapshotError extends RuntimeError {
  constructor(message: string) {
    super("SC4004", message);
    this.name = "SnapshotError";
  }
}

// A cycle repeats the same few rules; name each once, in the order the chain met them.
function summariseChain(chain: string[]): string {
  const distinct = [...new Set(chain)];
  const shown = distinct.length <= 12 ? distinct : [...distinct.slice(0, 12), "…"];
  return shown.join(" -> ");
}
