// GET /v1/deliveries and POST /v1/deliveries/ID/retry (docs/service.md
// "Webhooks"): what the outbox holds, and a new try of a failed delivery.
import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { Logger } from "pino";
import { Diagnostics } from "../../diagnostics/messages";
import type { Clock } from "../clock";
import { refuse } from "../errors";
import type { Delivery } from "./delivery-store";
import type { WebhookDispatcher } from "./dispatcher";

export const DELIVERY_ROUTES = "GET /v1/deliveries, POST /v1/deliveries/ID/retry";

/** The fastify app of http.ts (its logger is pino's). */
type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;

export function registerDeliveryRoutes(app: App, dispatcher: WebhookDispatcher, clock: Clock): void {
  app.get(
    "/v1/deliveries",
    {
      schema: {
        querystring: {
          type: "object",
          properties: {
            status: { type: "string", enum: ["pending", "delivered", "failed"], default: "failed" },
            after: { type: "integer", minimum: 0, default: 0 },
            limit: { type: "integer", minimum: 1, maximum: 10_000, default: 1000 },
          },
        },
      },
    },
    async (request, reply) => {
      const { status, after, limit } = request.query as { status: Delivery["status"]; after: number; limit: number };
      const rows = await dispatcher.deliveries.list(status, after, limit);
      return reply.send({ deliveries: rows.map(deliveryBody), next: rows.length > 0 ? rows[rows.length - 1]!.id : after });
    },
  );

  app.post("/v1/deliveries/:id/retry", async (request, reply) => {
    const { id } = request.params as { id: string };
    const delivery = /^[1-9][0-9]{0,17}$/.test(id) ? await dispatcher.deliveries.retry(Number(id), clock.now()) : undefined;
    if (!delivery) throw refuse(404, Diagnostics.NoDelivery, undefined, { id });
    if (delivery.status === "delivered") throw refuse(409, Diagnostics.DeliveredAlready, undefined, { id, at: new Date(delivery.deliveredAt!).toISOString() });
    dispatcher.kick();
    return reply.send(deliveryBody(delivery));
  });
}

/** A delivery as the API shows it (times in ISO form). */
export function deliveryBody(delivery: Delivery): Record<string, unknown> {
  return {
    id: delivery.id,
    output: delivery.outputId,
    position: delivery.outputPosition,
    type: delivery.type,
    entity: delivery.entity,
    endpoint: delivery.endpoint,
    status: delivery.status,
    attempts: delivery.attempts,
    since: iso(delivery.since),
    next_attempt: delivery.status === "pending" ? iso(delivery.nextAttemptAt) : null,
    waiting: delivery.waiting,
    last_error: delivery.lastError,
    delivered_at: delivery.deliveredAt === null ? null : iso(delivery.deliveredAt),
  };
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}
