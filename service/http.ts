// The HTTP API (docs/service.md) over a RulesService, with fastify:
// bodies read as text (errors name the line), a 1 MiB limit, bearer tokens,
// and every error as {"error":{"code","message","line"}}.
import { timingSafeEqual } from "node:crypto";
import Fastify, { LogController, type FastifyError } from "fastify";
import { pino, type Logger } from "pino";
import type { RecordState } from "../runtime/index";
import { Diagnostics } from "../diagnostics/messages";
import { refuse, RequestError } from "./errors";
import { readBatch, type BodyFormat } from "./event-batch";
import type { RulesService } from "./rules-service";
import type { Clock } from "./clock";
import { DELIVERY_ROUTES, registerDeliveryRoutes } from "./webhooks/delivery-routes";
import type { WebhookDispatcher } from "./webhooks/dispatcher";
import { registerRulesRoutes, RULES_ROUTES } from "./rules-routes";

export const BODY_LIMIT = 1024 * 1024;
const LONGEST_WAIT_S = 60;
const FORMATS: Record<string, BodyFormat> = { "application/x-ndjson": "ndjson", "application/json": "json" };
const ROUTES = `POST /v1/events, GET /v1/outputs, GET /v1/records/TYPE/ID, GET /v1/health, ${RULES_ROUTES}`;

export interface HttpOptions {
  /** With a token, every route but /v1/health needs `Authorization: Bearer <token>`. */
  token?: string;
  logger?: Logger;
  /** With webhooks: the deliveries routes, over their dispatcher and the service's clock. */
  webhooks?: { dispatcher: WebhookDispatcher; clock: Clock };
}

export function buildHttp(service: RulesService, options: HttpOptions = {}) {
  const app = Fastify({
    loggerInstance: options.logger ?? pino({ level: "silent" }),
    bodyLimit: BODY_LIMIT,
    // One log line per request would cost more than the request at thousands of events a second.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, useDefaults: true } },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(Object.keys(FORMATS), { parseAs: "string" }, (_request, body, done) => done(null, body));

  if (options.token !== undefined) {
    const expected = Buffer.from(`Bearer ${options.token}`);
    app.addHook("onRequest", async (request) => {
      if (request.url === "/v1/health" || request.url.startsWith("/v1/health?")) return;
      const given = Buffer.from(request.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw refuse(401, request.headers.authorization ? Diagnostics.WrongToken : Diagnostics.MissingToken, undefined);
      }
    });
  }

  app.post("/v1/events", async (request, reply) => {
    const format = FORMATS[essence(request.headers["content-type"])];
    if (format === undefined || typeof request.body !== "string") throw unsupportedMediaType(request.headers["content-type"]);
    const result = await service.accept(readBatch(request.body, format));
    return reply.send(result);
  });

  app.get(
    "/v1/outputs",
    {
      schema: {
        querystring: {
          type: "object",
          properties: {
            after: { type: "integer", minimum: 0, default: 0 },
            limit: { type: "integer", minimum: 1, maximum: 10_000, default: 1000 },
            wait: { type: "number", minimum: 0, maximum: LONGEST_WAIT_S, default: 0 },
          },
        },
      },
    },
    async (request, reply) => {
      const { after, limit, wait } = request.query as { after: number; limit: number; wait: number };
      const text = await service.outputs(after, limit, Math.round(wait * 1000));
      return reply.type("application/json").send(text);
    },
  );

  app.get("/v1/records/:type/:id", async (request, reply) => {
    const { type, id } = request.params as { type: string; id: string };
    const record = await service.record(`${type}/${id}`);
    if (!record) throw refuse(404, Diagnostics.NoRecord, undefined, { ref: `${type}/${id}` });
    return reply.send(recordBody(record));
  });

  app.get("/v1/health", async (_request, reply) => {
    return reply.send(await service.health());
  });

  if (options.webhooks) registerDeliveryRoutes(app, options.webhooks.dispatcher, options.webhooks.clock);
  registerRulesRoutes(app, service);

  app.setNotFoundHandler(async (request) => {
    throw refuse(404, Diagnostics.NoRoute, undefined, { method: request.method, path: request.url.split("?")[0]!, routes: options.webhooks ? `${ROUTES}, ${DELIVERY_ROUTES}` : ROUTES });
  });

  app.setErrorHandler(async (error: FastifyError | RequestError, request, reply) => {
    const failure = asRequestError(error, request.headers["content-type"]);
    if (failure.status >= 500) options.logger?.error({ err: error, method: request.method, url: request.url }, failure.message);
    if (failure.status === 401) void reply.header("www-authenticate", "Bearer");
    return reply.status(failure.status).send(failure.toBody());
  });

  return app;
}

function asRequestError(error: FastifyError | RequestError, contentType: string | undefined): RequestError {
  if (error instanceof RequestError) return error;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return refuse(413, Diagnostics.BodyTooLarge, undefined, { limit: BODY_LIMIT });
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return unsupportedMediaType(contentType);
  if (error.validation) return refuse(400, Diagnostics.BadQuery, undefined, { reason: error.message });
  // Any other refusal fastify makes before the route (e.g. a body it cannot read) is about the body.
  if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) return new RequestError(error.statusCode, Diagnostics.NoEvents.code, error.message);
  return refuse(500, Diagnostics.ServiceInternalError, undefined, { reason: error.message });
}

function unsupportedMediaType(contentType: string | undefined): RequestError {
  return refuse(415, Diagnostics.UnsupportedMediaType, undefined, { given: contentType ? `content type ${essence(contentType)}` : "no content type" });
}

function essence(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A record as the API shows it: fields, the open stage (sequential pipelines) and the open stages with when each opened. */
function recordBody(record: RecordState): Record<string, unknown> {
  const open: Record<string, string> = {};
  for (const [stage, since] of Object.entries(record.open)) open[stage] = new Date(since).toISOString();
  return { entity: record.ref, type: record.type, id: record.id, fields: record.fields, stage: record.stage, open };
}
