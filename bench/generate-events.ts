// A deterministic generator of large event streams for the runtime benchmark
// (bench/fixtures/bench.rules). Deals move through their pipeline interleaved
// with one another; about half close their documents before the 4-day reminder
// is due, the others get it; invoices arrive only when the documents are not
// open. A small linear congruential generator keeps every run identical.

export interface GeneratedStream {
  lines: string[];
  /** Past the last event: `--until` fires every timer still due. */
  until: string;
  records: number;
}

const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 1, 8, 0, 0);

export function generateEvents(eventCount: number): GeneratedStream {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines: string[] = [];
  let clock = START;
  let id = 0;
  let records = 0;
  const emit = (entity: string, type: string, data: Record<string, unknown>): void => {
    id += 1;
    lines.push(JSON.stringify({ id: `e${id}`, at: new Date(clock).toISOString(), entity, type, data }));
  };
  // Each deal is a little script of steps; many deals run at once.
  type Deal = { n: number; steps: Array<() => void>; next: number };
  const active: Deal[] = [];
  let dealCount = 0;
  const startDeal = (): void => {
    dealCount += 1;
    const n = dealCount;
    const amount = Math.round(200 + random() * 2000);
    const closesEarly = random() < 0.5;
    const pays = random() < 0.6;
    const steps: Array<() => void> = [
      () => emit(`contact/C${n}`, "created", { name: `Client ${n}`, email: `client${n}@example.com` }),
      () => emit(`deal/D${n}`, "created", { title: `Deal ${n}`, amount, contact: `contact/C${n}`, stage: "New" }),
      () => emit(`deal/D${n}`, "email.opened", {}),
    ];
    if (amount > 1000) {
      if (closesEarly) {
        steps.push(() => emit(`deal/D${n}`, "stage.closed", { stage: "Documentation pending" }));
        if (pays) steps.push(() => emit(`deal/D${n}`, "invoice.paid", { amount }));
      } else {
        steps.push(() => emit(`deal/D${n}`, "updated", { amount: amount + 1 }));
      }
    } else if (pays) {
      steps.push(() => emit(`deal/D${n}`, "invoice.paid", { amount }));
    }
    records += 2;
    active.push({ n, steps, next: 0 });
  };
  while (lines.length < eventCount) {
    if (active.length < 2_000) startDeal();
    const index = Math.floor(random() * active.length);
    const deal = active[index]!;
    deal.steps[deal.next]!();
    deal.next += 1;
    if (deal.next === deal.steps.length) {
      active[index] = active[active.length - 1]!;
      active.pop();
    }
    // About 30 seconds between events: a deal's steps spread over about a day
    // and a half, so some documents stay open past the 4-day reminder.
    clock += Math.floor(random() * MINUTE);
  }
  return { lines, until: new Date(clock + 10 * 24 * 60 * MINUTE).toISOString(), records };
}

/** One million records: contacts and deals created, no rules fired beyond the creation. */
export function generateRecords(recordCount: number): string[] {
  const lines: string[] = [];
  for (let n = 1; lines.length < recordCount; n++) {
    const at = new Date(START + n * 1000).toISOString();
    lines.push(JSON.stringify({ id: `c${n}`, at, entity: `contact/C${n}`, type: "created", data: { name: `Client ${n}` } }));
    lines.push(JSON.stringify({ id: `d${n}`, at, entity: `deal/D${n}`, type: "created", data: { title: `Deal ${n}`, amount: n % 3000, contact: `contact/C${n}`, stage: "New" } }));
  }
  return lines.slice(0, recordCount);
}
