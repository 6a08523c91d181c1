import { describe, expect, it } from "vitest";
import { InMemoryEventStore, createEngine, formatOutputLine, runEvents, type EventStore, type OutputRecord } from "../../runtime/index";
import { after, events, notify, onOpen, program, rule } from "./program-builder";

const input = events(
  ["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "a", amount: 1, channel: "web", contact: "contact/C1", stage: "New" }],
  ["2026-01-02T08:00:00Z", "deal/D1", "stage.opened", { stage: "Validation" }],
  ["2026-01-03T08:00:00Z", "deal/D1", "stage.opened", { stage: "New" }],
);
const p = program({ rules: [rule("deal", onOpen("New"), [notify("a@x.example", "new")], { name: "new", delay: after(12, "hours") })] });

function checkStore(store: EventStore) {
  for (const event of input) store.append(event);
  expect(store.size()).toBe(3);
  expect(store.read()).toEqual(input);
  expect(store.read(2)).toEqual(input.slice(2));
  // Snapshot after two events + replay from offset 2 = the full run.
  const engine = createEngine(p);
  const head: OutputRecord[] = store.read().slice(0, 2).flatMap((event) => engine.process(event));
  const resumed = createEngine(p, { snapshot: JSON.parse(JSON.stringify(engine.snapshot())) });
  const tail = [...store.read(2).flatMap((event) => resumed.process(event)), ...resumed.advanceTo("2026-01-05T00:00:00Z")];
  expect([...head, ...tail].map(formatOutputLine)).toEqual(runEvents(p, input, { until: "2026-01-05T00:00:00Z" }).map(formatOutputLine));
}

describe("event stores", () => {
  it("in memory: append, read from an offset, replay after a snapshot", () => checkStore(new InMemoryEventStore()));

});
