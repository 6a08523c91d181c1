// One line per trace record, for `run --trace` on stderr.
import type { TraceRecord } from "./types";

export function formatTrace(trace: TraceRecord): string {
  if (trace.kind === "event") {
    return `${trace.at} ${trace.event} ${trace.record} ${trace.type}${trace.stage !== undefined ? ` "${trace.stage}"` : ""}`;
  }
  const values = trace.values
    ? ` [${Object.entries(trace.values).map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(", ")}]`
    : "";
  return `${trace.at}   ${trace.fired ? "fired" : "not fired"}: ${trace.rule} on ${trace.record} (${trace.event} ${trace.eventType}): ${trace.reason}${values}`;
}
