// One line per trace record, for `run --trace` on stderr.
import type { TraceRecord } from "../types";
import { formatReadValues } from "./read-values";

export function formatTrace(trace: TraceRecord): string {
  if (trace.kind === "event") {
    return `${trace.at} ${trace.event} ${trace.record} ${trace.type}${trace.stage !== undefined ? ` "${trace.stage}"` : ""}`;
  }
  const values = trace.values ? formatReadValues(trace.values) : "";
  const verdict = trace.fired ? "fired" : trace.reason.startsWith("scheduled") ? "waiting" : "not fired";
  // "fired" alone adds nothing to the verdict; "fired (timer due)" keeps its detail, as "fired: … : timer due".
  const reason = trace.reason === "fired" ? "" : `: ${trace.fired ? trace.reason.replace(/^fired \((.*)\)$/, "$1") : trace.reason}`;
  return `${trace.at}   ${verdict}: ${trace.rule} on ${trace.record} (${trace.event} ${trace.eventType})${reason}${values}`;
}
