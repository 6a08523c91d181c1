// Webhook delivery in the service, in-process with a fake clock and a real
// receiving server on 127.0.0.1: the outbox is written with the outputs, each
// effect goes out once signed, with what a receiver needs (rendered texts, a
// task's type and due time); typed webhooks take their types only; a record's
// effects go in order; a receiver that keeps failing is retried on the backoff
// schedule and given up after 24 hours, and a retry asked for delivers it.
// On PGlite and PostgreSQL.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileSources } from "../../compiler/index";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildHttp } from "../../service/http";
import { RulesService } from "../../service/rules-service";
import type { Store } from "../../service/store/store";
import { parseWebhook } from "../../service/webhooks/endpoints";
import { createWebhooks, type Webhooks } from "../../service/webhooks/create-webhooks";
import { FIRST_DELAY_MS, LONGEST_DELAY_MS, RETRY_WINDOW_MS } from "../../service/webhooks/retry-schedule";
import { verifySignature } from "../../service/webhooks/signature";
import { root } from "../backend/harness";
import { FakeClock } from "./fake-clock";
import { expectReplayIdentity, programOf } from "./harness";
import { storeKinds, testStore, type TestStore } from "./stores";
import { WebhookReceiver } from "./webhook-receiver";

const rules = [join(root, "test", "service", "fixtures", "webhooks")];
const program = programOf(rules);
const secret = "whsec-in-process";
const start = Date.parse("2026-01-02T08:30:00Z");

const line = (id: string, minute: number, entity: string, type: string, data: Record<string, unknown>) =>
  JSON.stringify({ id, at: new Date(start - 60 * 60_000 + minute * 60_000).toISOString(), entity, type, data });
const contact = line("c1", 0, "contact/C1", "created", { name: "Ana", phone: "+34600000000" });
const deal = line("d1", 1, "deal/D1", "created", { title: "Roof", contact: "contact/C1", responsible: "bo@example.com" });
const booked = line("d2", 2, "deal/D1", "stage.opened", { stage: "Booked" });
const done = line("d3", 3, "deal/D1", "stage.opened", { stage: "Done" });

interface Running {
  service: RulesService;
  webhooks: Webhooks;
  clock: FakeClock;
  post(body: string): Promise<void>;
  request(method: "GET" | "POST", url: string): Promise<{ status: number; body: any }>;
  /** Waits until the dispatcher has nothing more to do now. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

async function startWith(store: Store, specs: string[]): Promise<Running> {
  const clock = new FakeClock(start);
  const webhooks = createWebhooks(store, clock, undefined, { endpoints: specs.map(parseWebhook), secret });
  const service = await RulesService.open({ program, store, clock, outbox: webhooks.outbox });
  webhooks.dispatcher.start();
  const app = buildHttp(service, { webhooks: { dispatcher: webhooks.dispatcher, clock } });
  const request = async (method: "GET" | "POST", url: string) => {
    const response = await app.inject({ method, url });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };
  return {
    service,
    webhooks,
    clock,
    post: async (body) => {
      const response = await app.inject({ method: "POST", url: "/v1/events", payload: body, headers: { "content-type": "application/x-ndjson" } });
      expect(response.statusCode).toBe(200);
    },
    request,
    settle: async () => {
      await service.idle();
      await webhooks.dispatcher.idle();
    },
    stop: async () => {
      await app.close();
      await webhooks.dispatcher.close();
      await service.close();
    },
  };
}

describe.each(storeKinds)("webhooks on %s", (kind) => {
  let handle: TestStore;
  let store: Store;
  let receiver: WebhookReceiver;
  let running: Running | undefined;

  beforeEach(async () => {
    handle = await testStore(kind);
    store = await handle.open();
    receiver = new WebhookReceiver();
    await receiver.start();
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await store.close();
    await handle.remove();
    await receiver.stop();
  });

  it("delivers each effect once, signed, with its rendered content; derived events and output lines stay as they are", async () => {
    running = await startWith(store, [receiver.url]);
    await running.post([contact, deal, booked, done].join("\n"));
    await running.settle();

    const outputs = (await running.request("GET", "/v1/outputs")).body.outputs as Array<{ id: string; type: string; content?: unknown }>;
    const effects = outputs.filter((output) => !["created", "updated", "stage.opened", "stage.closed"].includes(output.type));
    expect(effects.map((output) => output.type)).toEqual(["email.send", "sms.send", "task.create", "notify"]);
    expect(outputs.every((output) => output.content === undefined)).toBe(true);

    expect(receiver.requests.map((request) => request.headers["idempotency-key"])).toEqual(effects.map((effect) => effect.id));
    const now = Math.floor(running.clock.now() / 1000);
    for (const request of receiver.requests) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(verifySignature(secret, String(request.headers["stagecraft-signature"]), request.body, now)).toBe(true);
      expect(JSON.parse(request.body).id).toBe(request.headers["idempotency-key"]);
    }
    const bodies = receiver.requests.map((request) => JSON.parse(request.body));
    expect(bodies.map((body) => body.content)).toEqual([
      { subject: "Welcome, Ana", body: "Hello Ana, thank you for choosing us for Roof." },
      { text: "Hi Ana, Roof is booked." },
      { description: "Prepare Roof", type: "call", due: new Date(Date.parse(bodies[2].at) + 2 * 86_400_000).toISOString() },
      undefined,
    ]);
    expect(bodies[1]).toMatchObject({ entity: "deal/D1", type: "sms.send", data: { template: "Booked", to: "contact/C1" }, cause: "d2", rule: "Booked" });

    const delivered = (await running.request("GET", "/v1/deliveries?status=delivered")).body;
    expect(delivered.deliveries.map((delivery: { output: string; attempts: number; endpoint: string }) => [delivery.output, delivery.attempts, delivery.endpoint])).toEqual(
      effects.map((effect) => [effect.id, 1, receiver.url]),
    );
    expect((await running.request("GET", "/v1/deliveries?status=pending")).body).toEqual({ deliveries: [], next: 0 });
    await running.stop();
    running = undefined;
    await expectReplayIdentity(store, rules);
  });

  it("renders an effect after a deploy with the new rules' templates", async () => {
    running = await startWith(store, [receiver.url]);
    await running.post([contact, deal].join("\n"));
    const files = ["schema.rules", "rules.rules"].map((name) => ({ path: name, text: readFileSync(join(rules[0]!, name), "utf8") }));
    const changed = files.map((file) => ({ ...file, text: file.text.replace('"Hi {contact.name}, {title} is booked."', '"{title} is booked, {contact.name}."') }));
    expect(changed).not.toEqual(files);
    const deployed = compileSources(changed).program!;
    expect((await running.service.deploy(deployed, changed, false)).deployed).toBe(true);
    await running.post(booked);
    await running.settle();
    const sms = receiver.requests.map((request) => JSON.parse(request.body)).find((body) => body.type === "sms.send");
    expect(sms.content).toEqual({ text: "Roof is booked, Ana." });
    await running.stop();
    running = undefined;
  });

  it("sends a typed webhook only its effect types, and every effect to a webhook of all", async () => {
    const texts = new WebhookReceiver();
    await texts.start();
    try {
      running = await startWith(store, [`sms.send,email.send=${texts.url}`, receiver.url]);
      await running.post([contact, deal, booked, done].join("\n"));
      await running.settle();
      expect(texts.requests.map((request) => JSON.parse(request.body).type)).toEqual(["email.send", "sms.send"]);
      expect(receiver.requests.map((request) => JSON.parse(request.body).type)).toEqual(["email.send", "sms.send", "task.create", "notify"]);
    } finally {
      await texts.stop();
    }
  });

  it("holds a record's later effects until the earlier one is delivered", async () => {
    receiver.failRate = 1;
    running = await startWith(store, [receiver.url]);
    await running.post([contact, deal, booked].join("\n"));
    await running.settle();
    await running.post(done);
    running.clock.set(running.clock.now() + 10_000);
    await running.settle();
    expect(new Set(receiver.requests.map((request) => request.headers["idempotency-key"]))).toEqual(new Set(["d1.1"]));
    const pending = (await running.request("GET", "/v1/deliveries?status=pending")).body.deliveries as Array<{ output: string; waiting: boolean }>;
    expect(pending.map((delivery) => [delivery.output, delivery.waiting])).toEqual([
      ["d1.1", false],
      ["d2.1", true],
      ["d2.2", true],
      ["d3.2", true],
    ]);
    receiver.failRate = 0;
    running.clock.set(running.clock.now() + LONGEST_DELAY_MS);
    await running.settle();
    const delivered = receiver.requests.filter((request) => request.status === 200).map((request) => JSON.parse(request.body).position as number);
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
    expect(delivered).toHaveLength(4);
  });

  it("sends the head of every record in a round: one record's backlog does not hold up another's effect, and each record's order holds", async () => {
    const BOOKINGS = 150;
    const second = (id: string, n: number, entity: string, type: string, data: Record<string, unknown>) =>
      JSON.stringify({ id, at: new Date(start - 60 * 60_000 + n * 1000).toISOString(), entity, type, data });
    const backlog = [contact, deal];
    for (let n = 0; n < BOOKINGS; n++) {
      backlog.push(second(`b${n}`, 120 + 2 * n, "deal/D1", "stage.opened", { stage: "Booked" }));
      backlog.push(second(`n${n}`, 121 + 2 * n, "deal/D1", "stage.opened", { stage: "New" }));
    }
    const other = [
      second("c2", 1000, "contact/C2", "created", { name: "Bea" }),
      second("x2", 1001, "deal/D2", "created", { title: "Porch", contact: "contact/C2", responsible: "bo@example.com" }),
    ];
    running = await startWith(store, [receiver.url]);
    await running.post([...backlog, ...other].join("\n"));
    await running.settle();

    const bodies = receiver.requests.map((request) => JSON.parse(request.body) as { entity: string; position: number });
    expect(bodies).toHaveLength(1 + 2 * BOOKINGS + 1);
    // Both records' heads go in the first round, sent at once: D2's arrives among the first two requests.
    expect(bodies.findIndex((body) => body.entity === "deal/D2")).toBeLessThan(2);
    const backlogPositions = bodies.filter((body) => body.entity === "deal/D1").map((body) => body.position);
    expect(backlogPositions).toEqual([...backlogPositions].sort((a, b) => a - b));
    expect(new Set(backlogPositions).size).toBe(1 + 2 * BOOKINGS);
  });

  it("retries a failing receiver on the backoff schedule, fails it after 24 hours, and delivers it on a retry asked for", async () => {
    receiver.failRate = 1;
    running = await startWith(store, [receiver.url]);
    await running.post([contact, deal].join("\n"));
    await running.settle();
    const since = running.clock.now();
    let failures = 0;
    for (;;) {
      const [pending] = (await running.request("GET", "/v1/deliveries?status=pending")).body.deliveries;
      if (!pending) break;
      failures++;
      expect(pending).toMatchObject({ output: "d1.1", attempts: failures, last_error: "HTTP 500" });
      const delay = Date.parse(pending.next_attempt) - running.clock.now();
      const full = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
      const end = since + RETRY_WINDOW_MS - running.clock.now();
      expect(delay).toBeGreaterThanOrEqual(Math.min(full / 2, end) - 1);
      expect(delay).toBeLessThanOrEqual(Math.min(full, end) + 1);
      running.clock.set(Date.parse(pending.next_attempt));
      await running.settle();
    }
    expect(running.clock.now()).toBe(since + RETRY_WINDOW_MS);
    expect(receiver.requests).toHaveLength(failures + 1);
    const failed = (await running.request("GET", "/v1/deliveries?status=failed")).body.deliveries;
    expect(failed).toMatchObject([{ output: "d1.1", status: "failed", attempts: failures + 1, next_attempt: null, last_error: "HTTP 500" }]);

    receiver.failRate = 0;
    const retried = await running.request("POST", `/v1/deliveries/${failed[0].id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { status: "pending", attempts: 0, since: new Date(running.clock.now()).toISOString() } });
    await running.settle();
    expect(receiver.requests.at(-1)).toMatchObject({ status: 200, headers: { "idempotency-key": "d1.1", "stagecraft-attempt": "1" } });
    expect((await running.request("GET", "/v1/deliveries?status=delivered")).body.deliveries).toMatchObject([{ id: failed[0].id, status: "delivered" }]);

    expect(await running.request("POST", `/v1/deliveries/${failed[0].id}/retry`)).toMatchObject({ status: 409, body: { error: { code: "SC3030" } } });
    expect(await running.request("POST", "/v1/deliveries/999999/retry")).toMatchObject({ status: 404, body: { error: { code: "SC3017", message: "no delivery 999999: GET /v1/deliveries lists them" } } });
    expect(await running.request("GET", "/v1/deliveries?status=lost")).toMatchObject({ status: 400, body: { error: { code: "SC3019" } } });
  });
});
