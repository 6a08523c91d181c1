// A deterministic stream of opportunity events for examples/solar-substates (with
// test/service/fixtures/follow-ups.rules), to post to `stagecraft serve`: the
// crash-safety test and the service benchmark. Opportunities run through their
// substates interleaved with one another, so every rule fires: documents close
// before or after the one-minute nudge is due, installers are assigned, calls and
// signatures are requested. Times are one step apart from `start`, so the stream
// can sit around the wall clock the service checks events against; a small linear
// congruential generator keeps the content identical for a given seed.

/** The rule paths the workload is written for, relative to the repository root. */
export const workloadRules = ["examples/solar-substates", "test/service/fixtures/follow-ups.rules"];

export interface WorkloadOptions {
  events: number;
  /** Epoch millis of the first event. */
  start: number;
  /** Millis between two consecutive events. */
  step: number;
  seed?: number;
  /** Put before every id and record id, so several streams can go to one store. */
  prefix?: string;
}

export interface WorkloadEvent {
  id: string;
  at: string;
  entity: string;
  type: string;
  data: Record<string, unknown>;
}

type Step = (at: string) => WorkloadEvent;

interface Opportunity {
  steps: Step[];
  next: number;
  /** Event time the next step is waiting for. */
  due: number;
}

const CHANNELS = ["web", "phone", "partner"] as const;

/** Numbers in [0, 1) from a small linear congruential generator: the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function generateWorkload(options: WorkloadOptions): WorkloadEvent[] {
  return Array.from(workload(options));
}

/** The same stream one event at a time, for streams too long to hold at once. */
export function* workload(options: WorkloadOptions): Generator<WorkloadEvent> {
  const random = seededRandom(options.seed ?? 7);
  const prefix = options.prefix ?? "";
  let made = 0;
  // Opportunities waiting for their next step, kept ordered by due time (a binary heap).
  const waiting: Opportunity[] = [];
  const push = (item: Opportunity): void => {
    waiting.push(item);
    let i = waiting.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (waiting[parent]!.due <= item.due) break;
      waiting[i] = waiting[parent]!;
      i = parent;
    }
    waiting[i] = item;
  };
  const pop = (): Opportunity => {
    const top = waiting[0]!;
    const last = waiting.pop()!;
    if (waiting.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= waiting.length) break;
        const right = left + 1;
        const child = right < waiting.length && waiting[right]!.due < waiting[left]!.due ? right : left;
        if (waiting[child]!.due >= last.due) break;
        waiting[i] = waiting[child]!;
        i = child;
      }
      waiting[i] = last;
    }
    return top;
  };
  // Waits between two steps of one opportunity: a few seconds to three minutes of
  // event time, so the one-minute nudge is sometimes cancelled and sometimes sent.
  const pause = (): number => Math.floor(2_000 + random() * 178_000);

  let opportunities = 0;
  const open = (): Opportunity => {
    opportunities += 1;
    const n = opportunities;
    const contact = `contact/${prefix}C${n}`;
    const opportunity = `opportunity/${prefix}O${n}`;
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
    const amount = 1_000 + Math.floor(random() * 14_000);
    const event = (entity: string, type: string, data: Record<string, unknown>): Step => (at) => ({ id: "", at, entity, type, data });
    const steps: Step[] = [
      event(contact, "created", { name: `Client ${n}`, email: `client${n}@example.com` }),
      // Regions alternate (no draw from the generator), so both regions' installers are assigned.
      event(opportunity, "created", { title: `Roof ${n}`, amount, channel, region: n % 2 === 0 ? "south" : "north", contact, stage: "Documentation pending" }),
    ];
    if (random() < 0.3) steps.push(event(opportunity, "updated", { amount: amount + 500 }));
    steps.push(event(opportunity, "stage.closed", { stage: "Documentation pending" }));
    if (random() < 0.8) {
      steps.push(event(opportunity, "stage.closed", { stage: "Documentation validation" }));
      if (random() < 0.6) steps.push(event(opportunity, "stage.opened", { stage: "Installation" }));
      if (random() < 0.3) steps.push(event(opportunity, "stage.closed", { stage: "Scheduling" }));
    }
    return { steps, next: 0, due: 0 };
  };

  let time = options.start;
  while (made < options.events) {
    // A new opportunity starts whenever none is due, so about as many run at once
    // as fit in the pauses.
    const item = waiting.length > 0 && waiting[0]!.due <= time ? pop() : open();
    const event = item.steps[item.next]!(new Date(time).toISOString());
    made += 1;
    event.id = `${prefix}e${made}`;
    yield event;
    item.next += 1;
    if (item.next < item.steps.length) {
      item.due = time + pause();
      push(item);
    }
    time += options.step;
  }
}
