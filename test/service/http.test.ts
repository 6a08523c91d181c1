// The HTTP API of docs/service.md: every route, status code and
// class of bad input. A bad request gets a clear JSON error, stores nothing,
// and the service goes on answering.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "./fake-clock";
import type { Store } from "../../service/store/store";
import { root } from "../backend/harness";
import { expectReplayIdentity, programOf, rulesFolder, startService, withSlowWrites, type Running } from "./harness";
import { testStore, type TestStore } from "./stores";

const folder = join(root, "examples", "solar-substates");
const program = programOf([folder]);
const contact = (id: string, at: string, entity = `contact/${id}`) => JSON.stringify({ id, at, entity, type: "created", data: { name: "Ana", email: "ana@example.com" } });
const opportunity = (id: string, at: string, stage = "Documentation pending") =>
  JSON.stringify({ id, at, entity: "opportunity/O1", type: "created", data: { title: "Roof", amount: 9000, channel: "web", region: "north", contact: "contact/C1", stage } });
const close = (id: string, at: string, stage: string) => JSON.stringify({ id, at, entity: "opportunity/O1", type: "stage.closed", data: { stage } });

describe("the HTTP API", () => {
  let handle: TestStore;
  let store: Store;
  let running: Running;
  const token = "s3cret-token";
  const auth = { authorization: `Bearer ${token}` };

  beforeAll(async () => {
    handle = await testStore("PGlite");
    store = await handle.open();
    running = await startService(program, store, { clock: new FakeClock(Date.parse("2026-01-02T08:30:00Z")), token });
  });

  afterAll(async () => {
    await running.stop();
    await store.close();
    await handle.remove();
  });

  const post = (body: string, contentType?: string) => running.post(body, contentType, auth);
  const get = (url: string) => running.get(url, auth);

  /** Nothing of a failed request is stored, and the service still answers. */
  async function expectNothingStoredSince(before: { events: number; outputs: number }): Promise<void> {
    const health = await running.get("/v1/health");
    expect(health.status).toBe(200);
    expect({ events: health.body.events, outputs: health.body.outputs }).toEqual(before);
  }

  async function counts(): Promise<{ events: number; outputs: number }> {
    const health = (await running.get("/v1/health")).body;
    return { events: health.events, outputs: health.outputs };
  }

  it("answers health without a token: the clock, events and outputs so far", async () => {
    const health = await running.get("/v1/health");
    expect(health).toEqual({ status: 200, body: { status: "ok", clock: null, events: 0, outputs: 0 } });
  });

  it("accepts JSON Lines, stores each event at a position, and hands out the outputs", async () => {
    const body = [contact("a1", "2026-01-02T08:00:00Z", "contact/C1"), opportunity("a2", "2026-01-02T08:01:00Z"), "", close("a3", "2026-01-02T08:02:00Z", "Documentation pending")].join("\n");
    const response = await post(body + "\n");
    expect(response).toEqual({ status: 200, body: { accepted: [{ id: "a1", position: 1 }, { id: "a2", position: 2 }, { id: "a3", position: 3 }], duplicates: [] } });
    const outputs = await get("/v1/outputs");
    expect(outputs.status).toBe(200);
    expect(outputs.body.outputs.map((o: { position: number; id: string; type: string }) => [o.position, o.id, o.type])).toEqual([
      [1, "a3.1", "stage.opened"],
      [2, "a3.2", "updated"],
      [3, "a3.3", "email.send"],
    ]);
    expect(outputs.body.outputs[0]).toEqual({
      position: 1,
      id: "a3.1",
      at: "2026-01-02T08:02:00.000Z",
      entity: "opportunity/O1",
      type: "stage.opened",
      data: { stage: "Documentation validation" },
      cause: "a3",
      rule: "Validate documents",
    });
    expect(outputs.body.next).toBe(3);
    expect((await get("/v1/outputs?after=2&limit=5")).body).toMatchObject({ outputs: [{ position: 3 }], next: 3 });
    expect((await get("/v1/outputs?after=3")).body).toEqual({ outputs: [], next: 3 });
    expect((await get("/v1/outputs?after=0&limit=1")).body).toMatchObject({ outputs: [{ position: 1 }], next: 1 });
  });

  it("accepts application/json: one event, or an array", async () => {
    const one = await post(JSON.stringify({ id: "j1", at: "2026-01-02T08:03:00Z", entity: "contact/C2", type: "created", data: { name: "Bo" } }), "application/json");
    expect(one).toEqual({ status: 200, body: { accepted: [{ id: "j1", position: 4 }], duplicates: [] } });
    const array = await post(
      JSON.stringify([
        { id: "j2", at: "2026-01-02T08:04:00Z", entity: "contact/C2", type: "updated", data: { name: "Bob" } },
        { id: "j3", at: "2026-01-02T08:04:00Z", entity: "contact/C2", type: "updated", data: { phone: "+39 1" } },
      ]),
      "application/json; charset=utf-8",
    );
    expect(array.body.accepted).toEqual([{ id: "j2", position: 5 }, { id: "j3", position: 6 }]);
  });

  it("reads a record's fields and open stages; 404 for an unknown one", async () => {
    const record = await get("/v1/records/opportunity/O1");
    expect(record.status).toBe(200);
    expect(record.body).toEqual({
      entity: "opportunity/O1",
      type: "opportunity",
      id: "O1",
      fields: { title: "Roof", amount: 9000, channel: "web", region: "north", contact: "contact/C1", installer: "ana@solar.example" },
      stage: null,
      open: { "Documentation validation": "2026-01-02T08:02:00.000Z" },
    });
    const missing = await get("/v1/records/opportunity/NOPE");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("SC3017");
    expect(missing.body.error.message).toContain("opportunity/NOPE");
  });

  it("takes an id stored before with the same content as a duplicate, not processed again", async () => {
    const before = await counts();
    // The same event, its data's keys in another order.
    const again = JSON.stringify({ id: "a2", at: "2026-01-02T08:01:00Z", entity: "opportunity/O1", type: "created", data: { amount: 9000, title: "Roof", channel: "web", region: "north", contact: "contact/C1", stage: "Documentation pending" } });
    const response = await post([again, contact("d1", "2026-01-02T08:05:00Z"), contact("d1", "2026-01-02T08:05:00Z")].join("\n"));
    expect(response).toEqual({ status: 200, body: { accepted: [{ id: "d1", position: 7 }], duplicates: ["a2", "d1"] } });
    expect(await counts()).toEqual({ events: before.events + 1, outputs: before.outputs });
  });

  const badRequests: Array<[string, string, string | undefined, number, string, number | undefined, RegExp]> = [
    ["bad JSON on a line", `${contact("b1", "2026-01-02T08:10:00Z")}\n{"id":"b2",`, undefined, 400, "SC3001", 2, /not valid JSON/],
    ["bad JSON in a JSON body", `[{"id":"b1"`, "application/json", 400, "SC3001", undefined, /not valid JSON/],
    ["a JSON body that is not an event", `42`, "application/json", 400, "SC3001", 1, /must be a JSON object/],
    ["a key written twice on a line", `{"id":"b1","at":"2026-01-02T08:10:00Z","entity":"contact/C9","type":"created","data":{"name":"x","name":"y"}}`, undefined, 400, "SC3022", 1, /"data.name" is written twice/],
    ["a key written twice in a JSON array", `[${contact("b1", "2026-01-02T08:10:00Z")},{"id":"b2","id":"b3"}]`, "application/json", 400, "SC3022", 2, /"id" is written twice/],
    ["an unknown key", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00Z", entity: "contact/C9", type: "created", dta: {} }), undefined, 400, "SC3007", 1, /unknown key "dta" in the event \(did you mean "data"\?/],
    ["a missing field", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00Z", entity: "contact/C9" }), undefined, 400, "SC3002", 1, /missing "type"/],
    ["a field of the wrong type", JSON.stringify({ id: "b1", at: 12, entity: "contact/C9", type: "created" }), undefined, 400, "SC3003", 1, /"at" must be a string/],
    ["a time with an offset no zone has", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00+99:99", entity: "contact/C9", type: "created" }), undefined, 400, "SC3003", 1, /\+99:99 is not a UTC offset/],
    ["an unknown entity type", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00Z", entity: "contcat/C9", type: "created" }), undefined, 400, "SC3004", 1, /did you mean "contact"/],
    ["an unknown stage", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00Z", entity: "opportunity/O1", type: "stage.opened", data: { stage: "Scheduing" } }), undefined, 400, "SC3006", 1, /did you mean "Scheduling"/],
    ["data of the wrong type", JSON.stringify({ id: "b1", at: "2026-01-02T08:10:00Z", entity: "opportunity/O1", type: "updated", data: { amount: "12" } }), undefined, 400, "SC3008", 1, /must be a number/],
    ["an id of an output's form", JSON.stringify({ id: "t7", at: "2026-01-02T08:10:00Z", entity: "contact/C9", type: "created", data: { name: "x" } }), undefined, 400, "SC3011", 1, /form of an output id/],
    ["an event far in the future", contact("b1", "2026-01-02T08:06:00Z") + "\n" + contact("b2", "2026-01-02T09:00:00Z"), undefined, 400, "SC3013", 2, /more than 5 minutes ahead/],
    ["an id stored before with other content", contact("a1", "2026-01-02T08:00:01Z", "contact/C1"), undefined, 409, "SC3010", 1, /id "a1" was stored before with other content/],
    ["an id used twice in the request with other content", contact("b1", "2026-01-02T08:06:00Z") + "\n" + contact("b1", "2026-01-02T08:07:00Z"), undefined, 409, "SC3010", 2, /came earlier in this request \(line 1\)/],
    ["an empty body", "\n\n", undefined, 400, "SC3020", undefined, /holds no events/],
    ["a wrong content type", contact("b1", "2026-01-02T08:06:00Z"), "text/plain", 415, "SC3015", undefined, /application\/x-ndjson/],
  ];

  it.each(badRequests)("refuses %s: a JSON error, nothing stored", async (_name, body, contentType, status, code, line, message) => {
    const before = await counts();
    const response = await post(body, contentType);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.line).toBe(line);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.message).not.toMatch(/\n\s+at /);
    await expectNothingStoredSince(before);
  });

  it("refuses a body over 1 MiB with 413, nothing stored", async () => {
    const before = await counts();
    const line = contact("big", "2026-01-02T08:06:00Z");
    const body = Array.from({ length: Math.ceil((1024 * 1024) / line.length) + 1 }, (_, i) => line.replace('"big"', `"big${i}"`)).join("\n");
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: "SC3014" });
    await expectNothingStoredSince(before);
  });

  it("refuses a request without a content type with 415", async () => {
    const response = await running.app.inject({ method: "POST", url: "/v1/events", payload: contact("b1", "2026-01-02T08:06:00Z"), headers: { ...auth, "content-type": "" } });
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body).error.code).toBe("SC3015");
  });

  it("refuses a missing or wrong token with 401 on every route but health", async () => {
    const before = await counts();
    const missing = await running.post(contact("b1", "2026-01-02T08:06:00Z"));
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({ code: "SC3016", message: "missing Authorization: Bearer <token>" });
    const wrong = await running.get("/v1/outputs", { authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe("the bearer token is wrong");
    expect((await running.get("/v1/records/contact/C1")).status).toBe(401);
    await expectNothingStoredSince(before);
  });

  it("answers 404 for an unknown route and 400 for a bad query", async () => {
    const route = await get("/v2/events");
    expect(route.status).toBe(404);
    expect(route.body.error).toMatchObject({ code: "SC3017" });
    const query = await get("/v1/outputs?after=minus");
    expect(query.status).toBe(400);
    expect(query.body.error.code).toBe("SC3019");
    expect(query.body.error.message).toContain("after");
    expect((await get("/v1/outputs?limit=0")).status).toBe(400);
    expect((await get("/v1/outputs?wait=600")).status).toBe(400);
  });

  it("holds a read with wait until an output comes", async () => {
    const { outputs } = await counts();
    const waiting = get(`/v1/outputs?after=${outputs}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await post(close("w1", "2026-01-02T08:08:00Z", "Documentation validation"));
    const response = await waiting;
    expect(response.body.outputs[0]).toMatchObject({ position: outputs + 1, cause: "w1" });
  });

  it("ends a wait with no outputs when the time is up", async () => {
    const { outputs } = await counts();
    const started = Date.now();
    const response = await get(`/v1/outputs?after=${outputs}&wait=0.2`);
    expect(response.body).toEqual({ outputs: [], next: outputs });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("fires timers when the clock reaches them, and processes a late event at the clock", async () => {
    // "Send the offer": Scheduling opened on Friday 2 January; 2 business days at 09:00 in Rome (6 January is a holiday) is 8 January, 08:00Z.
    const { outputs } = await counts();
    running.clock.set(Date.parse("2026-01-08T08:00:00Z"));
    await running.service.idle();
    const fired = await get(`/v1/outputs?after=${outputs}`);
    expect(fired.body.outputs.map((o: { type: string; at: string }) => [o.type, o.at])).toEqual([
      ["report.generate", "2026-01-08T08:00:00.000Z"],
      ["email.send", "2026-01-08T08:00:00.000Z"],
    ]);
    expect((await running.get("/v1/health")).body.clock).toBe("2026-01-08T08:00:00.000Z");
    // Sent at 08:30 the day before, it arrives after the timers fired: processed at the clock.
    const late = await post(close("late1", "2026-01-07T08:30:00Z", "Scheduling"));
    expect(late.status).toBe(200);
    expect((await get("/v1/records/opportunity/O1")).body.open).toEqual({});
    const { events } = await expectReplayIdentity(store, [folder]);
    expect(JSON.parse(events[events.length - 1]!)).toMatchObject({ id: "late1", at: "2026-01-08T08:00:00.000Z" });
  });
});

describe("rules that fail on an event (an endless cascade)", () => {
  it("refuse that request alone with the runtime error; requests written with it in one group are stored", async () => {
    const loop = rulesFolder({
      "loop.rules": 'entity deal {\n  title: text\n  pipeline { stage "A" stage "B" stage "C" }\n}\nrule "to B": on stage "A" open -> open "B"\nrule "to A": on stage "B" open -> open "A"\n',
    });
    const handle = await testStore("PGlite");
    const store = withSlowWrites(await handle.open());
    const running = await startService(programOf([loop.folder]), store, { clock: new FakeClock(Date.parse("2026-01-01T00:00:00Z")) });
    try {
      const created = (id: string, stage: string) => JSON.stringify({ id, at: "2026-01-01T00:00:00Z", entity: `deal/${id}`, type: "created", data: { title: "x", stage } });
      // d1's write is in flight while the other three arrive: they are written as one group.
      const first = running.post(created("d1", "C"));
      await new Promise((resolve) => setTimeout(resolve, 10));
      const answers = await Promise.all([first, running.post(created("d2", "C")), running.post(created("d3", "A")), running.post(created("d4", "C"))]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 400, 200]);
      expect(answers[2]!.body.error).toMatchObject({ code: "SC4001", line: 1 });
      expect(answers[2]!.body.error.message).toMatch(/^event "d3" cannot be processed: .*to B.*nothing of this request was stored$/);
      expect((await running.get("/v1/health")).body).toMatchObject({ status: "ok", events: 3 });
      expect((await running.get("/v1/records/deal/d3")).status).toBe(404);
      await expectReplayIdentity(store, [loop.folder]);
    } finally {
      await running.stop();
      await store.close();
      await handle.remove();
      loop.remove();
    }
  }, 120_000);
});
