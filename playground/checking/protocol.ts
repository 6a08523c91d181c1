// Messages between the page and the checker worker (check.worker.ts). Only
// plain data crosses. The IR program is large to copy between threads (more
// than the check itself costs on a big rule set), so it never crosses: the
// worker keeps it, validates the events and runs it (run/run-protocol.ts).
import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { EventProblem } from "./validate-events";

export interface RulesSource {
  path: string;
  text: string;
}

export type WorkerRequest =
  | {
      kind: "check";
      id: number;
      sources: RulesSource[];
      /** The events text to validate against the new program; null to skip. */
      events: string | null;
      /** A check of other text (the timing hook): leaves the kept program alone. */
      aside: boolean;
    }
  /** Validate the events against the program of the last check. */
  | { kind: "events"; id: number; events: string };

export interface CheckResponse {
  kind: "check";
  id: number;
  diagnostics: Diagnostic[];
  /** True when the rules have no error, so they can run. */
  runnable: boolean;
  eventProblems: EventProblem[] | null;
  /** Time spent checking inside the worker. */
  checkMs: number;
}

export interface EventsResponse {
  kind: "events";
  id: number;
  eventProblems: EventProblem[];
}

/** A failure of a rule file's `test` block, where it points. */
export interface TestProblem {
  test: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One `test` block: where it is written, and its failures (none when it passed). */
export interface TestOutcome {
  name: string;
  file: string;
  line: number;
  column: number;
  passed: boolean;
  failures: TestProblem[];
}

/** The `test` blocks of a check's program (as `stagecraft test` runs them), run after the check's answer went out. */
export interface TestsResponse {
  kind: "tests";
  /** The check whose program ran. */
  id: number;
  tests: TestOutcome[];
}

export type WorkerResponse = CheckResponse | EventsResponse | TestsResponse;

export function isCheckResponse(response: { kind: string }): response is WorkerResponse {
  return response.kind === "check" || response.kind === "events" || response.kind === "tests";
}
