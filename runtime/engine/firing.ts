// The firing in progress: which event caused it, which rule (or workflow) acts,
// how deep in a cascade it is and which rules led to it. Every output line,
// derived event and trace of a firing reads these from one value handed down
// explicitly, so no part of the engine keeps them in fields of its own.
import { fnv1a64 } from "../program/digest";
import type { TimerLineage, TimerState } from "../types";

export interface Firing {
  /** The event whose rules act: the `cause` of every output of the firing. */
  readonly cause: string;
  /** The event or timer (`tK`) the rule acted on, as its trace names it: the cause, but for a timer. */
  readonly trigger: string;
  /** The rule or workflow that acts (its name), or null for an input event's own change. */
  readonly rule: string | null;
  /** Rule firings from the input event or timer to this one; the cascade bound limits it. */
  readonly depth: number;
  /** The firing whose event this one runs on; walked only when a cascade overflows. */
  readonly parent: Firing | null;
  /**
   * The firing's stable name: the input event (or the event a timer was scheduled
   * on) it descends from, then a digest of the rule identities and per-firing
   * ordinals on the way. Output ids number a whole turn, so a rule added anywhere
   * shifts them; a lineage changes only with the firings it descends from.
   */
  readonly lineage: Lineage;
  /**
   * The stable name of `cause`, which a timer this firing schedules keeps and
   * the timer's firing extends: an input event's own root, a derived event's
   * lineage, or (in a timer's firing) the name its timer kept.
   */
  readonly causeLineage: Lineage;
  /** How many events this firing has queued so far: the ordinal of the next one within it. */
  made: number;
  /** How many records this firing has created so far (their ids count them apart). */
  created: number;
}

export interface Lineage {
  /** The input event id (or, for a timer, the id of the event that scheduled it). */
  readonly root: string;
  /** The lineage one step back, and the step from it (a rule identity, an ordinal); null at the root. */
  readonly from: Lineage | null;
  readonly step: string;
  /** The digest of the path from the root, computed when first asked for (only creations need it). */
  key?: string;
}

/** One step further from `from`: `step` names it among the steps that `from` can take. */
export function extendLineage(from: Lineage, step: string): Lineage {
  return { root: from.root, from, step };
}

function rootLineage(root: string): Lineage {
  return { root, from: null, step: root };
}

/** A lineage as a timer keeps it: its root and the digest of its path. */
function timerLineage(lineage: Lineage): TimerLineage {
  return { root: lineage.root, key: lineageKey(lineage) };
}

/** A lineage kept by a timer, to extend as the one it was made from: extensions digest its key. */
function keptLineage(kept: TimerLineage): Lineage {
  return { root: kept.root, from: null, step: kept.key, key: kept.key };
}

/** The digest of a lineage's path (the root id itself at the root). */
function lineageKey(lineage: Lineage): string {
  if (lineage.key === undefined) lineage.key = lineage.from === null ? lineage.root : fnv1a64(`${lineageKey(lineage.from)}\u0000${lineage.step}`);
  return lineage.key;
}

/** The lineage of the next event a firing queues. */
export function nextEventLineage(firing: Firing): Lineage {
  return extendLineage(firing.lineage, String(++firing.made));
}

/**
 * The id of the next record a firing creates: `<root>~<digest>`, the digest of
 * the firing's lineage and the creation's ordinal within the firing (12 hex digits).
 */
export function nextCreatedId(firing: Firing): string {
  const key = lineageKey(extendLineage(firing.lineage, `record ${++firing.created}`));
  return `${firing.lineage.root}~${key.slice(0, 12)}`;
}

/** An input event's own change: no rule acts yet. */
export function inputFiring(eventId: string): Firing {
  const lineage = rootLineage(eventId);
  return { cause: eventId, trigger: eventId, rule: null, depth: 0, parent: null, lineage, causeLineage: lineage, made: 0, created: 0 };
}

/** A rule or workflow (identity `ruleId`) acting on an event that `by` produced, whose lineage is `event`. */
export function firingOn(cause: string, by: Firing, rule: string, event: Lineage, ruleId: string): Firing {
  return { cause, trigger: cause, rule, depth: by.depth + 1, parent: by, lineage: extendLineage(event, ruleId), causeLineage: eventName(by, event), made: 0, created: 0 };
}

/**
 * The stable name of an event that `by` produced, whose lineage is `event`:
 * an input event's own changes go by its id (the caller gives it, and it names
 * a cascade's created records), a derived event by its lineage, never by its
 * output id, which numbers the whole turn.
 */
export function eventName(by: Firing, event: Lineage): Lineage {
  return by.rule === null ? by.lineage : event;
}

/**
 * A rule or workflow acting when its timer comes due: a cascade starts again
 * from it, extending the name the timer kept of the event that scheduled it
 * (`kept`; a timer without one, from a snapshot saved before timers kept it,
 * extends the root `cause`). `timer` is the timer's id (`tK`). `actor` tells
 * the timers of one event apart (the rule identity and the record, or the
 * workflow instance and its step).
 */
export function timerFiring(cause: string, timer: string, rule: string, actor: string, kept: TimerLineage | undefined): Firing {
  const causeLineage = kept === undefined ? rootLineage(cause) : keptLineage(kept);
  return { cause, trigger: timer, rule, depth: 1, parent: null, lineage: extendLineage(causeLineage, actor), causeLineage, made: 0, created: 0 };
}

/**
 * Has a timer keep `name`, the stable name of the event it is scheduled on
 * (its `cause`), unless that is the root `cause` itself (an input event): a
 * timer without one falls back to that.
 */
export function keepCauseName(timer: TimerState, name: Lineage): void {
  const kept = timerLineage(name);
  if (kept.root !== timer.cause || kept.key !== timer.cause) timer.lineage = kept;
}

/** The rules that fed each other up to this firing, first to last (CascadeError's chain). */
export function ruleChain(firing: Firing): string[] {
  const names: string[] = [];
  for (let link: Firing | null = firing; link !== null; link = link.parent) if (link.rule !== null) names.push(link.rule);
  return names.reverse();
}
