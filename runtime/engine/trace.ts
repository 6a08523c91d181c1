// Trace records (`--trace`, `explain`): built only when a trace is asked for.
import type { EvalContext, TraceRecord } from "../types";
import { readValues, type CompiledExpr } from "../expressions/compile-expr";
import type { EngineHost } from "./engine-host";
import type { Firing } from "./firing";
import type { PendingEvent } from "./pending-event";

export function traceEvent(host: EngineHost, event: PendingEvent): void {
  if (!host.onTrace) return;
  const trace: TraceRecord = { kind: "event", at: host.turn.nowAsText(), event: event.id, record: event.ref, type: event.type };
  if (event.stage !== undefined) trace.stage = event.stage;
  host.onTrace(trace);
}

export function traceRule(
  host: EngineHost,
  rule: string,
  record: string,
  event: string,
  eventType: string,
  fired: boolean,
  reason: string,
  expr?: CompiledExpr | null,
  ctx?: EvalContext,
): void {
  if (!host.onTrace) return;
  const trace: TraceRecord = { kind: "rule", at: host.turn.nowAsText(), rule, record, event, eventType, fired, reason };
  if (expr && ctx && expr.reads.length > 0) trace.values = readValues(expr, ctx);
  host.onTrace(trace);
}

/** An action of the firing that did nothing, and why; an input event's own change is not traced. */
export function traceSkip(host: EngineHost, firing: Firing, record: string, action: string, reason: string): void {
  if (!host.onTrace || firing.rule === null) return;
  host.onTrace({ kind: "skip", at: host.turn.nowAsText(), rule: firing.rule, record, event: firing.trigger, action, reason });
}
