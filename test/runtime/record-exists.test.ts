// A second `created` for a record that exists is an input error (SC3012), never
// a silent wipe of its stage, fields and timers; the engine refuses it too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { createEngine, EventStreamValidator, RecordExistsError } from "../../runtime/index";

const program = compileSources([
  { path: "s.rules", text: 'entity deal { title: text  pipeline { stage "New"  stage "Won" won } }\non deal stage "New" open after 2 days -> notify "a@x.example" "late"\n' },
]).program!;
let next = 0;
const line = (type: string, data: Record<string, unknown> = {}, entity = "deal/D1") =>
  JSON.stringify({ id: `e${++next}`, at: "2026-01-01T08:00:00Z", entity, type, data });
const codeOf = (checked: ReturnType<EventStreamValidator["check"]>) => ("error" in checked ? checked.error.code : "ok");

describe("a created event for a record that exists", () => {
  it("is SC3012, naming the line that created it", () => {
    const validator = new EventStreamValidator(program);
    expect(codeOf(validator.check(line("created", { title: "A", stage: "New" }), 1))).toBe("ok");
    expect(codeOf(validator.check(line("updated", { title: "B" }), 2))).toBe("ok");
    const again = validator.check(line("created", { title: "A", stage: "New" }), 3);
    expect("error" in again && again.error).toEqual({
      code: "SC3012",
      message:
        'record "deal/D1" already exists: line 1 created it; a second created would wipe its stage, fields and timers. Send updated for a change, or deleted first to create it anew',
      field: "type",
    });
  });

  it("is SC3012 for a record an earlier event started before any created", () => {
    const validator = new EventStreamValidator(program);
    validator.check(line("stage.opened", { stage: "New" }), 1);
    const created = validator.check(line("created", { title: "A" }), 2);
    expect("error" in created && created.error.message).toContain("line 1 started it (an event for it came before any created)");
  });

  it("is SC3012 for a record the resumed snapshot holds", () => {
    const validator = new EventStreamValidator(program, null, ["deal/D1"]);
    const created = validator.check(line("created", { title: "A" }), 1);
    expect("error" in created && created.error.message).toContain("the resumed snapshot holds it");
    expect(codeOf(validator.check(line("created", { title: "A" }, "deal/D2"), 2))).toBe("ok");
  });

  it("is accepted after the record was deleted: it is a new record", () => {
    const validator = new EventStreamValidator(program);
    expect(codeOf(validator.check(line("created", { title: "A" }), 1))).toBe("ok");
    expect(codeOf(validator.check(line("deleted"), 2))).toBe("ok");
    expect(codeOf(validator.check(line("created", { title: "A" }), 3))).toBe("ok");
    expect(codeOf(validator.check(line("created", { title: "A" }), 4))).toBe("SC3012");
  });

  it("is refused by the engine too, keeping the record and its timers", () => {
    const engine = createEngine(program);
    engine.process({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "created", data: { title: "A", stage: "New" } });
    expect(() => engine.process({ id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "B" } })).toThrow(RecordExistsError);
    expect(engine.snapshot().records[0]!.fields).toEqual({ title: "A" });
    expect(engine.advanceTo("2026-01-04T00:00:00Z").map((o) => o.type)).toEqual(["notify"]);
  });

  it("after deletion, the new record does not inherit the old one's timers", () => {
    const engine = createEngine(program);
    engine.process({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "created", data: { title: "A", stage: "New" } });
    engine.process({ id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "deleted" });
    engine.process({ id: "e3", at: "2026-01-01T10:00:00Z", entity: "deal/D1", type: "created", data: { title: "B" } });
    expect(engine.advanceTo("2026-01-04T00:00:00Z")).toEqual([]);
  });

  // The law: whatever the stream, the validator refuses every created the engine
  // would refuse, so a run never reaches the engine's guard and never wipes a record.
  it("the validator accepts no line the engine's guard would refuse", () => {
    const line = fc.record({
      ref: fc.constantFrom("deal/D1", "deal/D2"),
      type: fc.constantFrom("created", "created", "updated", "deleted", "stage.opened"),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const validator = new EventStreamValidator(program);
        const engine = createEngine(program);
        lines.forEach(({ ref, type }, i) => {
          const data = type === "stage.opened" ? { stage: "New" } : type === "deleted" ? undefined : { title: "A" };
          const text = JSON.stringify({ id: `e${i}`, at: "2026-01-01T08:00:00Z", entity: ref, type, ...(data ? { data } : {}) });
          const checked = validator.check(text, i + 1);
          if ("event" in checked) expect(() => engine.process(checked.event)).not.toThrow();
        });
      }),
    );
  });
});
