// One line per trace record, for `run --trace` on stderr: an event, a rule
// considered (fired, not fired, waiting), or a skipped action of a rule that fired.
import type { TraceRecord } from "../types";
import { formatReadValues } from "./read-values";
import { formatInstantsIn } from "../time/zone-time";

/** `formatTime` writes each instant (the CLI gives formatWithUtc in the calendar's zone); as the ISO string it is without it. */
export function formatTrace(trace: TraceRecord, formatTime: (iso: string) => string = (iso) => iso): string {
  const at = formatTime(trace.at);
  if (trace.kind === "event") {
    return `${at} ${trace.event} ${trace.record} ${trace.type}${trace.stage !== undefined ? ` "${trace.stage}"` : ""}`;
  }
  // An action of a rule that fired, not a rule: the line above says it fired.
  if (trace.kind === "skip") {
    return `${at}   skipped: ${trace.rule} on ${trace.record} (${trace.event}): ${trace.action} because ${formatInstantsIn(trace.reason, formatTime)}`;
  }
  const values = trace.values ? formatReadValues(trace.values) : "";
  const verdict = trace.fired ? "fired" : trace.reason.startsWith("scheduled") ? "waiting" : "not fired";
  // "fired" alone adds nothing to the verdict; "fired (timer due)" keeps its detail, as "fired: … : timer due".
  const reason = trace.reason === "fired" ? "" : `: ${formatInstantsIn(trace.fired ? trace.reason.replace(/^fired \((.*)\)$/, "$1") : trace.reason, formatTime)}`;
  return `${at}   ${verdict}: ${trace.rule} on ${trace.record} (${trace.event} ${trace.eventType})${reason}${values}`;
}
