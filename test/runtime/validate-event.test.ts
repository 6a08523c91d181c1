import { describe, expect, it } from "vitest";
import { EventStreamValidator, validateEventLine } from "../../runtime/index";
import { program } from "./program-builder";

const p = program();
/** With `previousAt`, the stream's check: a line at that time, then this one (time order is not one line's). */
const check = (text: string, previousAt?: string) => {
  if (previousAt === undefined) return validateEventLine(p, text);
  const validator = new EventStreamValidator(p);
  validator.check(line({ id: "e0", at: previousAt }), 6);
  return validator.check(text, 7);
};
const errorOf = (line: string, previousAt?: string) => {
  const result = check(line, previousAt);
  if (!("error" in result)) throw new Error(`expected an error for ${line}`);
  return result.error;
};
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00+01:00", entity: "deal/S1", type: "updated", data: { amount: 5 }, ...fields });

describe("validateEventLine", () => {
  it("accepts a valid line and returns the event", () => {
    expect(check(line({}))).toEqual({ event: { id: "e1", at: "2026-01-01T08:00:00+01:00", entity: "deal/S1", type: "updated", data: { amount: 5 } } });
    expect(check(line({ type: "stage.opened", data: { stage: "Validation" } }))).toHaveProperty("event");
    expect(check(line({ type: "invoice.paid", data: { amount: 1200 } }))).toHaveProperty("event");
    expect(check(line({ type: "created", data: { title: "t", amount: 1, channel: "web", contact: "contact/C1", stage: "New" } }))).toHaveProperty("event");
  });

  it("reads a whole-number id as its digits (CRM exports write ids unquoted)", () => {
    expect(check(line({ id: 42 }))).toMatchObject({ event: { id: "42" } });
    expect(check(line({ id: -7 }))).toMatchObject({ event: { id: "-7" } });
  });

  it.each([
    ["bad JSON", "{ not json", "SC3001", /not valid JSON/],
    ["not an object", "[1, 2]", "SC3001", /must be a JSON object/],
    ["missing id", JSON.stringify({ at: "2026-01-01T08:00:00Z", entity: "deal/S1", type: "updated" }), "SC3002", /missing "id"/],
    ["missing stage", line({ type: "stage.opened", data: {} }), "SC3002", /missing "data.stage"/],
    ["ill-typed id", line({ id: true }), "SC3003", /"id" must be a string, got boolean true/],
    ["fractional id", line({ id: 4.5 }), "SC3003", /"id" must be a string or a whole number, got number 4.5 \(not a whole number; quote it\)/],
    ["id beyond exact numbers", '{"id":12345678901234567890,"at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated"}', "SC3003", /got number 12345678901234567000 \(too large to read exactly; quote it\)/],
    ["time without offset", line({ at: "2026-01-01T08:00:00" }), "SC3003", /"at" must be an ISO 8601 time with offset or Z/],
    ["entity not type/id", line({ entity: "S1" }), "SC3003", /"entity" must be type\/id/],
    ["data not an object", line({ data: 3 }), "SC3003", /"data" must be an object/],
    ["unknown entity type", line({ entity: "dael/S1" }), "SC3004", /unknown entity type "dael" \(did you mean "deal"\?/],
    ["unknown event type", line({ type: "invoice.payed" }), "SC3005", /unknown event type "invoice.payed" \(did you mean "invoice.paid"\?/],
    [
      "unknown stage",
      line({ type: "stage.opened", data: { stage: "Validaton" } }),
      "SC3006",
      /^unknown stage "Validaton" for deal \(did you mean "Validation"\? expected one of: "New", "Documentation pending", "Validation", "Won", "Lost"\)$/,
    ],
    ["unknown data field", line({ data: { amout: 5 } }), "SC3007", /unknown field "amout" for deal \(did you mean "amount"\?/],
    ["unknown event payload field", line({ type: "invoice.paid", data: { total: 5 } }), "SC3007", /unknown field "total" for event invoice.paid/],
    ["wrong data type", line({ data: { amount: "lots" } }), "SC3008", /field "amount" of deal must be a number, got "lots"/],
    ["wrong enum value", line({ data: { channel: "webb" } }), "SC3008", /must be one of web, phone, partner, got "webb" \(did you mean web\?\)/],
    ["wrong reference type", line({ data: { contact: "deal/S2" } }), "SC3008", /must be a contact reference/],
  ])("%s", (_name, text, code, message) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("says a number beyond the 64-bit range is too large, not that it is no number", () => {
    expect(errorOf('{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated","data":{"amount":1e400}}').message).toBe(
      'field "amount" of deal is a number too large to hold (above 1.8e308)',
    );
    expect(errorOf('{"id":1e400,"at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated"}').message).toBe(
      '"id" must be a string or a whole number, got a number too large to hold (above 1.8e308); quote it',
    );
    expect(errorOf('{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated","data":{"title":-1e400}}').message).toBe(
      'field "title" of deal must be a text, got a number too large to hold (below -1.8e308)',
    );
  });

  it("refuses a key written twice in one object, naming it (JSON.parse would keep the last)", () => {
    expect(errorOf('{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated","data":{"title":"x","title":"y"}}')).toEqual({
      code: "SC3022",
      message: '"data.title" is written twice in one object; JSON keeps only the last, so give it once',
      field: "data.title",
    });
    expect(errorOf('{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/S1","type":"updated","type":"deleted"}').message).toMatch(/^"type" is written twice/);
  });

  it("refuses a key an event does not have, with the one probably meant", () => {
    expect(errorOf(line({ dta: { amount: 5 } }))).toEqual({
      code: "SC3007",
      message: 'unknown key "dta" in the event (did you mean "data"? expected one of: "id", "at", "entity", "type", "data")',
      field: "dta",
    });
    expect(errorOf(line({ extra: 1 })).message).toBe('unknown key "extra" in the event (expected one of: "id", "at", "entity", "type", "data")');
  });

  it("writes an unknown data field's message without a space before its colon", () => {
    expect(errorOf(line({ type: "deleted", data: { title: "x" } })).message).toBe('unknown field "title": a deleted event has no data fields');
  });

  it("rejects a time earlier than the previous line's", () => {
    const error = errorOf(line({ at: "2026-01-01T07:59:59+01:00" }), "2026-01-01T07:00:00Z");
    expect(error.code).toBe("SC3009");
    expect(error.message).toContain("earlier than the previous event's 2026-01-01T07:00:00Z");
    expect(check(line({}), "2026-01-01T07:00:00Z")).toHaveProperty("event");
  });
});

describe("JSON syntax and times that do not exist", () => {
  it("gives the column of a JSON mistake, without JSON.parse's offset", () => {
    const error = errorOf('{"id":"e1" "at":"x"}');
    expect(error).toEqual({ code: "SC3001", message: "not valid JSON: expected ',' or '}' after property value", column: 12 });
  });

  it("says that JSON Lines holds one event per line when a line stops inside its event", () => {
    for (const text of ["{", '{"id":"e1",', "  {"]) {
      expect(errorOf(text).message, text).toMatch(/JSON Lines needs each event whole on one line/);
    }
    expect(errorOf('{"id":"e1"}}').message).not.toMatch(/JSON Lines/);
  });

  it.each([
    ["2026-02-30T08:00:00Z", "February 2026 has 28 days"],
    ["2024-02-30T08:00:00Z", "February 2024 has 29 days"],
    ["2026-13-01T08:00:00Z", "there is no month 13"],
    ["2026-04-31T08:00+02:00", "April 2026 has 30 days"],
    ["2026-01-01T24:00:00Z", "24:00:00 is not a time of day"],
    ["2026-03-02T10:00:00+99:99", "+99:99 is not a UTC offset (hours go up to 23, minutes up to 59)"],
    ["2026-03-02T10:00:00+25:00", "+25:00 is not a UTC offset (hours go up to 23, minutes up to 59)"],
    ["2026-03-02T10:00:00-24:00", "-24:00 is not a UTC offset (hours go up to 23, minutes up to 59)"],
    ["2026-03-02T10:00+0160", "+0160 is not a UTC offset (hours go up to 23, minutes up to 59)"],
    ["2026-03-02T10:00:00.000+01:60", "+01:60 is not a UTC offset (hours go up to 23, minutes up to 59)"],
  ])("says that %s does not exist", (at, why) => {
    expect(errorOf(line({ at }))).toEqual({ code: "SC3003", message: `"at" is "${at}", which does not exist: ${why}`, field: "at" });
  });

  it("keeps 'must be ISO 8601' for a time of another shape", () => {
    expect(errorOf(line({ at: "tomorrow" })).message).toBe('"at" must be an ISO 8601 time with offset or Z, got "tomorrow"');
  });
});

describe("a date field that does not exist", () => {
  it("says so, not that it must be YYYY-MM-DD", () => {
    expect(errorOf(line({ data: { closed_on: "2026-02-29" } })).message).toBe('field "closed_on" of deal is "2026-02-29", which does not exist: February 2026 has 28 days');
  });
});
