// The webhooks of one `serve`: the outbox the service writes to and the
// dispatcher that sends from it, sharing the store and the clock.
import type { Logger } from "pino";
import type { Clock } from "../clock";
import type { Store } from "../store/store";
import { WebhookDispatcher } from "./dispatcher";
import type { WebhookEndpoint } from "./endpoints";
import { Outbox } from "./outbox";

export interface WebhookOptions {
  endpoints: WebhookEndpoint[];
  /** The HMAC secret of the signature header. */
  secret: string;
}

export interface Webhooks {
  outbox: Outbox;
  dispatcher: WebhookDispatcher;
}

/** The dispatcher sends nothing until `start()`: the store must be migrated first. */
export function createWebhooks(store: Store, clock: Clock, logger: Logger | undefined, options: WebhookOptions): Webhooks {
  const dispatcher = new WebhookDispatcher({ store, secret: options.secret, clock, ...(logger ? { logger } : {}) });
  const outbox = new Outbox(options.endpoints, clock, () => dispatcher.kick());
  return { outbox, dispatcher };
}
