// The baseline of the runtime benchmark: the rules of bench/fixtures/bench.rules
// written by hand in plain JavaScript, as a developer would without Stagecraft.
// Same input file, same validation of each line (time order and ids included,
// as run's stream check), same output bytes.
//   node bench/handwritten.mjs <events.jsonl> <until-iso>
import { readFileSync, writeSync } from "node:fs";

const [eventsPath, untilIso] = process.argv.slice(2);
const STAGES = ["New", "Documentation pending", "Validation", "Won", "Lost"];
const EVENT_TYPES = new Set(["created", "updated", "deleted", "stage.opened", "stage.closed", "email.opened", "invoice.paid"]);
const FOUR_DAYS = 4 * 24 * 3600 * 1000;
// The forms hasOutputIdForm refuses (runtime/input/event-stream-validator.ts): t<number>, <id>.<number>.
const OUTPUT_ID_FORM = /^t\d+$|.\.\d+$/;

const deals = new Map(); // id → { amount, contact, stage, opening, timer }
const contacts = new Map();
const heap = []; // timers: { due, seq, deal, opening, cause }
let timerSeq = 0;
let out = [];
let outSize = 0;

function write(line) {
  out.push(line);
  outSize += line.length;
  if (outSize > 65536) flush();
}
function flush() {
  if (out.length) writeSync(1, out.join("\n") + "\n");
  out = [];
  outSize = 0;
}
function emit(id, at, entity, type, data, cause, rule) {
  write(JSON.stringify({ id, at: new Date(at).toISOString(), entity, type, data, cause, rule }));
}

function push(timer) {
  heap.push(timer);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (earlier(heap[parent], heap[i])) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}
function pop() {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && earlier(heap[l], heap[m])) m = l;
      if (r < heap.length && earlier(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }
  return top;
}
function earlier(a, b) {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

function fireTimersUntil(t) {
  while (heap.length > 0 && heap[0].due <= t) {
    const timer = pop();
    const deal = deals.get(timer.deal);
    // "after 4 days" fires only if the documents are still open, from the same opening.
    if (!deal || deal.stage !== "Documentation pending" || deal.opening !== timer.opening) continue;
    emit(`t${timer.seq}`, timer.due, `deal/${timer.deal}`, "email.send", { template: "Docs reminder", to: deal.contact }, timer.cause, "Docs reminder");
  }
}

/** Opens a stage on a deal and runs the stage-open rules. */
function openStage(deal, dealId, stage, at, ids, cause, rule) {
  deal.stage = stage;
  deal.opening += 1;
  const openedId = ids.next();
  emit(openedId, at, `deal/${dealId}`, "stage.opened", { stage }, cause, rule);
  return openedId;
}

function moveForward(deal, dealId, stage, at, ids, cause, rule) {
  const from = deal.stage === null ? -1 : STAGES.indexOf(deal.stage);
  if (STAGES.indexOf(stage) <= from) return; // forward only, no "allow back"
  const closedStage = deal.stage;
  if (closedStage !== null) {
    deal.stage = null;
    emit(ids.next(), at, `deal/${dealId}`, "stage.closed", { stage: closedStage }, cause, rule);
  }
  const openedId = openStage(deal, dealId, stage, at, ids, cause, rule);
  afterOpen(deal, dealId, stage, at, ids, openedId);
}

function afterOpen(deal, dealId, stage, at, ids, openedId) {
  if (stage === "Documentation pending") {
    timerSeq += 1;
    push({ due: at + FOUR_DAYS, seq: timerSeq, deal: dealId, opening: deal.opening, cause: openedId });
  } else if (stage === "Won") {
    emit(ids.next(), at, `deal/${dealId}`, "sms.send", { template: "Paid", to: deal.contact }, openedId, "Thanks");
  }
}

function fail(lineNo, code, message) {
  flush();
  process.stderr.write(`${eventsPath}:${lineNo}: error ${code}: ${message}\n`);
  process.exit(3);
}

// The loop lives in a function, as anyone would write it: V8 optimises a
// function, not a module's top-level code.
function main() {
  const lines = readFileSync(eventsPath, "utf8").split("\n");
  let previous = -Infinity;
  // Input id → its line: ids must be unique and not of an output id's form (SC3010, SC3011).
  const lineOfId = new Map();
  // Record → the line that created or first mentioned it, until deleted: a second created is SC3012.
  const lineOfRecord = new Map();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      fail(i + 1, "SC3001", "not valid JSON");
    }
    for (const key of ["id", "at", "entity", "type"]) if (typeof e[key] !== "string") fail(i + 1, "SC3002", `missing "${key}"`);
    const at = Date.parse(e.at);
    if (Number.isNaN(at)) fail(i + 1, "SC3003", "bad time");
    if (at < previous) fail(i + 1, "SC3009", "time goes back");
    const first = lineOfId.get(e.id);
    if (first !== undefined) fail(i + 1, "SC3010", `duplicate id "${e.id}": line ${first} already used it`);
    if (OUTPUT_ID_FORM.test(e.id)) fail(i + 1, "SC3011", `id "${e.id}" has the form of an output id`);
    lineOfId.set(e.id, i + 1);
    previous = at;
    const slash = e.entity.indexOf("/");
    const type = e.entity.slice(0, slash);
    const id = e.entity.slice(slash + 1);
    if (type !== "deal" && type !== "contact") fail(i + 1, "SC3004", "unknown entity type");
    if (!EVENT_TYPES.has(e.type)) fail(i + 1, "SC3005", "unknown event type");
    const data = e.data ?? {};
    if (data.stage !== undefined && !STAGES.includes(data.stage)) fail(i + 1, "SC3006", "unknown stage");
    if (e.type === "invoice.paid" && data.amount === undefined) fail(i + 1, "SC3002", 'missing "data.amount"');
    if (e.type === "deleted") lineOfRecord.delete(e.entity);
    else {
      const seen = lineOfRecord.get(e.entity);
      if (seen === undefined) lineOfRecord.set(e.entity, i + 1);
      else if (e.type === "created") fail(i + 1, "SC3012", `record "${e.entity}" already exists: line ${seen} created it`);
    }

    fireTimersUntil(at);
    let n = 0;
    const ids = { next: () => `${e.id}.${++n}` };
    if (type === "contact") {
      if (e.type === "created") contacts.set(id, { ...data });
      continue;
    }
    let deal = deals.get(id);
    switch (e.type) {
      case "created":
        deal = { amount: data.amount, contact: data.contact ?? null, stage: data.stage ?? null, opening: data.stage ? 1 : 0 };
        deals.set(id, deal);
        break;
      case "updated":
        if (data.amount !== undefined) deal.amount = data.amount;
        break;
      case "email.opened":
        if (deal.amount > 1000) moveForward(deal, id, "Documentation pending", at, ids, e.id, "Offer opened");
        break;
      case "invoice.paid":
        moveForward(deal, id, "Won", at, ids, e.id, "Paid");
        break;
      case "stage.closed":
        if (deal.stage === data.stage) {
          deal.stage = null;
          if (data.stage === "Documentation pending") {
            const openedId = openStage(deal, id, "Validation", at, ids, e.id, "Validate");
            afterOpen(deal, id, "Validation", at, ids, openedId);
          }
        }
        break;
    }
  }
}

main();
if (untilIso) fireTimersUntil(Date.parse(untilIso));
flush();
