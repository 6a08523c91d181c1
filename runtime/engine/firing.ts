// The firing in progress: which event caused it, which rule (or workflow) acts,
// how deep in a cascade it is and which rules led to it. Every output line,
// derived event and trace of a firing reads these from one value handed down
// explicitly, so no part of the engine keeps them in fields of its own.

export interface Firing {
  /** The event whose rules act: the `cause` of every output of the firing. */
  readonly cause: string;
  /** The rule or workflow that acts (its name), or null for an input event's own change. */
  readonly rule: string | null;
  /** Rule firings from the input event or timer to this one; the cascade bound limits it. */
  readonly depth: number;
  /** The firing whose event this one runs on; walked only when a cascade overflows. */
  readonly parent: Firing | null;
}

/** An input event's own change: no rule acts yet. */
export function inputFiring(eventId: string): Firing {
  return { cause: eventId, rule: null, depth: 0, parent: null };
}

/** A rule or workflow acting on an event that `by` produced. */
export function firingOn(cause: string, by: Firing, rule: string): Firing {
  return { cause, rule, depth: by.depth + 1, parent: by };
}

/** A rule or workflow acting when its timer comes due: a cascade starts again from it. */
export function timerFiring(cause: string, rule: string): Firing {
  return { cause, rule, depth: 1, parent: null };
}

/** The rules that fed each other up to this firing, first to last (CascadeError's chain). */
export function ruleChain(firing: Firing): string[] {
  const names: string[] = [];
  for (let link: Firing | null = firing; link !== null; link = link.parent) if (link.rule !== null) names.push(link.rule);
  return names.reverse();
}
