import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { EventStreamValidator } from "../../runtime/index";

const program = compileSources([{ path: "s.rules", text: "entity contact { name: text }\n" }]).program!;
const line = (id: string, at = "2026-01-01T08:00:00Z") => JSON.stringify({ id, at, entity: "contact/C1", type: "updated", data: { name: "x" } });

describe("EventStreamValidator", () => {
  it.each(["t1", "t42", "e6.1", "a.b.12", "x.0"])("refuses the output-id form %s", (id) => {
    const checked = new EventStreamValidator(program).check(line(id), 1);
    expect("error" in checked && checked.error.code).toBe("SC3011");
  });

  it.each(["e1", "t", "tx1", "1", "evt-2026.a", "t1a", "T1", "e.1x"])("accepts %s", (id) => {
    expect("event" in new EventStreamValidator(program).check(line(id), 1)).toBe(true);
  });

  it("refuses an id seen before and names its line, then goes on accepting new ids", () => {
    const validator = new EventStreamValidator(program);
    expect("event" in validator.check(line("a"), 1)).toBe(true);
    const again = validator.check(line("a"), 2);
    expect("error" in again && again.error).toMatchObject({ code: "SC3010", message: expect.stringContaining("line 1") });
    expect("event" in validator.check(line("b"), 3)).toBe(true);
  });

  it("refuses a time earlier than the last accepted line", () => {
    const validator = new EventStreamValidator(program);
    validator.check(line("a", "2026-01-02T00:00:00Z"), 1);
    const earlier = validator.check(line("b", "2026-01-01T00:00:00Z"), 2);
    expect("error" in earlier && earlier.error.code).toBe("SC3009");
  });

  it("goes on from a resumed snapshot's clock: an earlier first line is SC3009, one at that time is accepted", () => {
    const resumedAt = Date.UTC(2026, 0, 2);
    const early = new EventStreamValidator(program, resumedAt).check(line("a", "2026-01-01T23:59:59Z"), 1);
    expect("error" in early && early.error).toEqual({
      code: "SC3009",
      message: "time 2026-01-01T23:59:59Z is earlier than 2026-01-02T00:00:00.000Z, the time the resumed snapshot had reached; events must be in time order",
      field: "at",
    });
    const validator = new EventStreamValidator(program, resumedAt);
    expect("event" in validator.check(line("a", "2026-01-02T01:00:00+01:00"), 1)).toBe(true);
    // After an accepted line, the order is against that line, as without a snapshot.
    const back = validator.check(line("b", "2026-01-01T23:30:00Z"), 2);
    expect("error" in back && back.error.message).toBe(
      "time 2026-01-01T23:30:00Z is earlier than the previous event's 2026-01-02T01:00:00+01:00; events must be in time order",
    );
  });

  it("checks the time order before the ids, as validateEventLine did", () => {
    const validator = new EventStreamValidator(program);
    validator.check(line("a", "2026-01-02T00:00:00Z"), 1);
    const both = validator.check(line("a", "2026-01-01T00:00:00Z"), 2);
    expect("error" in both && both.error.code).toBe("SC3009");
  });

  it("strict, refuses an event for a record no created made, or one deleted, naming positions as the caller does", () => {
    const event = (id: string, type: string) => JSON.stringify({ id, at: "2026-01-01T08:00:00Z", entity: "contact/C1", type, ...(type === "deleted" ? {} : { data: { name: "x" } }) });
    const validator = new EventStreamValidator(program, null, [], { strict: true, describePosition: (position) => `file ${position}` });
    const before = validator.check(event("a", "updated"), 1);
    expect("error" in before && before.error).toMatchObject({ code: "SC3021", field: "entity", message: expect.stringContaining("no created line came before") });
    expect("event" in validator.check(event("b", "created"), 2)).toBe(true);
    expect("event" in validator.check(event("c", "updated"), 3)).toBe(true);
    expect("event" in validator.check(event("d", "deleted"), 4)).toBe(true);
    const after = validator.check(event("e", "updated"), 5);
    expect("error" in after && after.error.message).toContain('record "contact/C1" does not exist: file 4 deleted it');
    expect("event" in validator.check(event("f", "created"), 6)).toBe(true);
    // Without strict, the first event starts the record.
    expect("event" in new EventStreamValidator(program).check(event("a", "updated"), 1)).toBe(true);
  });
});
