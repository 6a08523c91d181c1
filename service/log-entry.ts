// A log entry as the engine replays it and as `log export` writes it: the
// event as accepted, at the instant it was processed (later than its own `at`
// when it came late). Restart and export read the log through these two, so
// both see the same input.
import { parseInstant, type InputEvent } from "../runtime/index";
import type { LogEntry } from "./store/store";

/** The input event the engine processed for an event entry. */
export function processedEvent(entry: LogEntry): InputEvent {
  const event = JSON.parse(entry.event!) as InputEvent;
  if (parseInstant(event.at) !== parseInstant(entry.at)) event.at = entry.at;
  return event;
}

/** The `run` input line of an event entry (the log stores events as JSON.stringify wrote them, so an event on time comes out as accepted). */
export function exportLine(entry: LogEntry): string {
  return JSON.stringify(processedEvent(entry));
}
