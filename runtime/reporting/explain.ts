// "Why did (or didn't) this rule fire for this record?" — replays the events
// with the trace on and groups what the rules saw, per rule, including the
// events whose kind a rule does not listen to.
import type { InputEvent, Program, SourceLocation, Trigger, Value } from "../program/ir";
import type { EventTrace, RuleTrace, SkipTrace, TraceRecord } from "../types";
import { createEngine } from "../engine/engine";
import { RuntimeError } from "../errors";
import { splitRef } from "../program/schema";
import { formatReadValues } from "./read-values";
import { formatInstantsIn } from "../time/zone-time";

const UNMATCHED = "trigger did not match";

export interface Consideration {
  /** The event (input, derived, or timer `tK`) the rule met. */
  event: string;
  eventType: string;
  stage?: string;
  at: string;
  fired: boolean;
  reason: string;
  values?: Record<string, Value>;
  /** Actions of this firing that did nothing (a move backward, an empty recipient), and why. */
  skipped?: SkippedAction[];
}

export interface SkippedAction {
  /** In rule-language words: `move to "Offer viewed"`, `send email`. */
  action: string;
  reason: string;
}

export interface RuleExplanation {
  rule: string;
  kind: "rule" | "workflow";
  location: SourceLocation;
  /** What the rule listens to, in rule-language words. */
  listensTo: string;
  considerations: Consideration[];
}

export interface Explanation {
  entity: string;
  rules: RuleExplanation[];
  /** The records of the entity's type that any event reached, in the order first reached: what `entity` may have meant when it is not among them. */
  recordsOfType: string[];
  /** Set when the replay stopped with a runtime error. */
  error?: string;
}

export function explain(program: Program, events: readonly InputEvent[], entity: string, options: { until?: string } = {}): Explanation {
  // Only the record's own traces are kept: a long run traces every record, and
  // keeping them all made the memory and the passes below grow with the whole run.
  const traces: TraceRecord[] = [];
  // a bare type (`deal`, no id) still names the type whose records are listed
  const type = splitRef(entity)?.type ?? entity;
  const typePrefix = `${type}/`;
  // The records of the type any event reached: what `entity` may have meant when it is not among them.
  const recordsOfType = new Set<string>();
  const engine = createEngine(program, {
    onTrace: (trace) => {
      if (trace.record === entity) traces.push(trace);
      if (trace.kind === "event" && trace.record.startsWith(typePrefix)) recordsOfType.add(trace.record);
    },
  });
  let error: string | undefined;
  try {
    for (const event of events) engine.process(event);
    if (options.until !== undefined) engine.advanceTo(options.until);
  } catch (caught) {
    if (!(caught instanceof RuntimeError)) throw caught;
    error = caught.message;
  }

  const recordEvents = eventsById(traces.filter((trace): trace is EventTrace => trace.kind === "event"));
  const ruleTraces = traces.filter((trace): trace is RuleTrace => trace.kind === "rule");

  const explained = (name: string, kind: "rule" | "workflow", location: SourceLocation, triggers: Trigger[]): RuleExplanation => {
    const own = ruleTraces.filter((trace) => trace.rule === name);
    // An input event and its own change share an id (a created record's stage opening): key by id and type.
    const seen = new Set(own.map((trace) => `${trace.event}\u0000${trace.eventType}`));
    const considerations: Consideration[] = [];
    // Interleave, in run order, the rule's own traces with the record's events it did not react to.
    for (const trace of traces) {
      if (trace.kind === "rule" && trace.rule === name && trace.record === entity) {
        considerations.push(fromRuleTrace(trace, recordEvents));
      } else if (trace.kind === "skip" && trace.rule === name && trace.record === entity) {
        addSkip(considerations, trace);
      } else if (trace.kind === "event" && trace.record === entity && !seen.has(`${trace.event}\u0000${trace.type}`)) {
        const consideration: Consideration = {
          event: trace.event,
          eventType: trace.type,
          at: trace.at,
          fired: false,
          reason: `${UNMATCHED}: it listens to ${triggers.map(describeTrigger).join(" or ")}`,
        };
        if (trace.stage !== undefined) consideration.stage = trace.stage;
        considerations.push(consideration);
      }
    }
    return { rule: name, kind, location, listensTo: triggers.map(describeTrigger).join(" or "), considerations };
  };

  const rules: RuleExplanation[] = [];
  for (const rule of program.rules) {
    if (rule.entity === type) rules.push(explained(rule.name, "rule", rule.location, [rule.trigger]));
  }
  for (const workflow of program.workflows) {
    const enrollments = workflow.enrollments.filter((enrollment) => enrollment.entity === type);
    if (enrollments.length > 0) rules.push(explained(workflow.name, "workflow", workflow.location, enrollments.map((e) => e.trigger)));
  }
  const explanation: Explanation = { entity, rules, recordsOfType: [...recordsOfType] };
  if (error !== undefined) explanation.error = error;
  return explanation;
}

/** The record's event traces by `id` and by `id type` (the first of each), so each rule trace finds its event at once. */
function eventsById(events: EventTrace[]): Map<string, EventTrace> {
  const byKey = new Map<string, EventTrace>();
  for (const event of events) {
    if (!byKey.has(event.event)) byKey.set(event.event, event);
    const typed = `${event.event}\u0000${event.type}`;
    if (!byKey.has(typed)) byKey.set(typed, event);
  }
  return byKey;
}

/** A skipped action belongs to its firing; one whose firing was on another record (a related record's rule) stands alone. */
function addSkip(considerations: Consideration[], trace: SkipTrace): void {
  const skipped = { action: trace.action, reason: trace.reason };
  for (let i = considerations.length - 1; i >= 0; i--) {
    const firing = considerations[i]!;
    if (firing.fired && firing.event === trace.event) {
      (firing.skipped ??= []).push(skipped);
      return;
    }
  }
  considerations.push({ event: trace.event, eventType: "event", at: trace.at, fired: true, reason: "fired on another record", skipped: [skipped] });
}

function fromRuleTrace(trace: RuleTrace, recordEvents: Map<string, EventTrace>): Consideration {
  const event = recordEvents.get(`${trace.event}\u0000${trace.eventType}`) ?? recordEvents.get(trace.event);
  const consideration: Consideration = {
    event: trace.event,
    eventType: trace.eventType,
    at: trace.at,
    fired: trace.fired,
    reason: trace.reason,
  };
  if (event?.stage !== undefined) consideration.stage = event.stage;
  if (trace.values) consideration.values = trace.values;
  return consideration;
}

export function describeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case "stage":
      return `stage "${trigger.stage}" ${trigger.edge}`;
    case "lifecycle":
      return trigger.event;
    case "event":
      return trigger.event;
    case "becomes":
      return "a change that makes its condition true";
  }
}

export interface ExplanationFormat {
  /** How an instant is written: as the ISO string it is unless given (the CLI and the playground give formatWithUtc in the calendar's zone). */
  formatTime?: (at: string) => string;
}


/** The text form the CLI's `explain` prints; every line names its rule. */
export function formatExplanation(explanation: Explanation, { formatTime }: ExplanationFormat = {}): string {
  const time = formatTime ?? ((at: string) => at);
  const reasonText = formatTime ? (reason: string) => formatInstantsIn(reason, formatTime) : (reason: string) => reason;
  const lines = [`Rules for ${explanation.entity}:`];
  if (explanation.rules.length === 0) lines.push(`  no rule or workflow watches ${explanation.entity.split("/")[0]} records`);
  for (const rule of explanation.rules) {
    const where = `${rule.location.file}:${rule.location.line}`;
    lines.push(`${rule.kind === "workflow" ? "workflow" : "rule"} "${rule.rule}" (${where}), on ${rule.listensTo}:`);
    // Events the rule does not listen to are counted, not listed: they would bury the few that matter.
    const relevant = rule.considerations.filter((item) => !item.reason.startsWith(UNMATCHED));
    const unmatched = rule.considerations.length - relevant.length;
    if (relevant.length === 0) {
      lines.push(`  ${rule.rule}: never triggered: no ${rule.listensTo.replace(/^a /, "")} for ${explanation.entity}${unmatched > 0 ? ` (${unmatched} other events of it seen)` : ""}`);
      continue;
    }
    for (const item of relevant) {
      const stage = item.stage !== undefined ? ` "${item.stage}"` : "";
      const verdict = item.fired ? "fired" : item.reason.startsWith("scheduled") ? "waiting" : "not fired";
      const reason = item.reason === "fired" ? "" : item.fired && item.reason.startsWith("fired ") ? ` ${reasonText(item.reason.slice(6))}` : `: ${reasonText(item.reason)}`;
      const values = item.values ? formatReadValues(item.values) : "";
      const skipped = (item.skipped ?? []).map((skip) => `skipped ${skip.action} because ${reasonText(skip.reason)}`);
      const actions = skipped.length > 0 ? `, but ${skipped.join("; ")}` : "";
      lines.push(`  ${rule.rule}: ${time(item.at)} ${item.event} ${item.eventType}${stage}: ${verdict}${reason}${values}${actions}`);
    }
    if (unmatched > 0) lines.push(`  ${rule.rule}: (${unmatched} other events of ${explanation.entity} are not ${rule.listensTo})`);
  }
  if (explanation.error !== undefined) lines.push(`the replay stopped: ${explanation.error}`);
  return lines.join("\n") + "\n";
}
