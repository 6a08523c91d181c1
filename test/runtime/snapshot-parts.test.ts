// A snapshot in parts that does not fit its head is refused as damaged, saying
// what is wrong; one of another version is refused as the whole form is.
import { describe, expect, it } from "vitest";
import { createEngine, snapshotHead, snapshotParts, SnapshotAssembler, SnapshotError, type Snapshot, type SnapshotHead, type SnapshotPart } from "../../runtime/index";
import { events, notify, on, program, rule } from "./program-builder";

const welcome = rule("deal", on("created"), [notify("sales@solar.example", "new deal")], { name: "Welcome" });
const rules = program({ rules: [welcome] });

function saved(): { head: SnapshotHead; parts: SnapshotPart[] } {
  const engine = createEngine(rules);
  for (const input of events(
    ["2026-03-02T09:00:00Z", "deal/D1", "created", { title: "Roof", amount: 100, channel: "web", contact: "contact/C1" }],
    ["2026-03-02T09:05:00Z", "deal/D2", "created", { title: "Barn", amount: 200, channel: "web", contact: "contact/C2" }],
  )) {
    engine.process(input);
  }
  const snapshot = engine.snapshot();
  return { head: snapshotHead(snapshot), parts: [...snapshotParts(snapshot, 1)] };
}

function assemble(head: SnapshotHead, parts: SnapshotPart[]) {
  const assembler = new SnapshotAssembler(head);
  for (const part of parts) assembler.add(part);
  return assembler.finish();
}

describe("a snapshot in parts", () => {
  it("keeps what the engine's own snapshots may not show: a type other than its ref's, workflow timers, instances, finished keys", () => {
    const { head, parts } = saved();
    const whole = assemble(head, parts);
    const manual: Snapshot = {
      ...whole,
      records: [{ ...whole.records[0]!, type: "Deal", id: "D/1" }, whole.records[1]!],
      timers: [
        { kind: "wait", seq: 7, due: 100, cause: "e1", instance: '["Follow up","deal/D1"]', token: 3 },
        { kind: "rule", seq: 8, due: 200, cause: "e2", rule: "Welcome", record: "deal/D2", born: 2, eventType: "stage.opened", changes: null, previous: { a: 1 }, eventData: null, stage: "New", opening: 2 },
        { kind: "timeout", seq: 9, due: 300, cause: "t7", instance: '["Follow up","deal/D1"]', token: 4 },
      ],
      instances: [{ key: '["Follow up","deal/D1"]', workflow: "Follow up", bound: "deal/D1", keyRef: "deal/D1", pc: 1, token: 4, waiting: "timer" }],
      finished: ['["Follow up","deal/D0"]'],
    };
    const again = assemble(JSON.parse(JSON.stringify(snapshotHead(manual))), [...snapshotParts(manual, 2)].map((part) => JSON.parse(JSON.stringify(part)) as SnapshotPart));
    expect(JSON.stringify(again)).toBe(JSON.stringify(manual));
  });

  it("with columns of unequal length is refused as damaged", () => {
    const { head, parts } = saved();
    const part = parts[0] as { records: { born: number[] } };
    part.records.born.push(9);
    expect(() => assemble(head, parts)).toThrow(/a part of records is damaged \(its column born is not as long as the others\)/);
  });

  it("is one part per row count: two records in parts of one row are two parts", () => {
    const { head, parts } = saved();
    expect(head.counts).toEqual({ records: 2, timers: 0, instances: 0, finished: 0 });
    expect(parts).toHaveLength(2);
    expect(assemble(head, parts).records.map((record) => record.ref)).toEqual(["deal/D1", "deal/D2"]);
  });

  it("missing a part is refused as incomplete", () => {
    const { head, parts } = saved();
    expect(() => assemble(head, parts.slice(0, 1))).toThrow(new SnapshotError("it is incomplete: 1 of its 2 records were found"));
  });

  it("with a part more than its head counts is refused", () => {
    const { head, parts } = saved();
    expect(() => assemble(head, [...parts, parts[0]!])).toThrow(new SnapshotError("a part holds more records than its head counts (2)"));
  });

  it("with a part of no known list is refused, naming its keys", () => {
    const { head } = saved();
    expect(() => assemble(head, [{ rows: [] } as unknown as SnapshotPart])).toThrow(/a part holds none of records, timers, instances or finished keys \(keys: rows\)/);
  });

  it("whose head counts nothing is refused as damaged", () => {
    const { head } = saved();
    const { counts: _, ...uncounted } = head;
    expect(() => new SnapshotAssembler(uncounted as SnapshotHead)).toThrow(/its head is damaged/);
  });

  it("of another version is refused with the message of the whole form", () => {
    const { head } = saved();
    expect(() => new SnapshotAssembler({ ...head, version: 2 as unknown as 3 })).toThrow(/snapshot version 2 is not 3, the version this Stagecraft reads/);
  });
});
