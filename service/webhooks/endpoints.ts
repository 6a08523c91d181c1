// The webhooks `serve --webhook` names: `URL` takes every effect, `TYPES=URL`
// (TYPES: effect types separated by commas, e.g. `email.send,sms.send=URL`)
// takes those only. An effect goes to every webhook that takes it.
import { outputTypes } from "../../stdlib/outputs";
import { refusedPortReason } from "../refused-ports";

export interface WebhookEndpoint {
  url: string;
  /** The effect types it takes; null for all. */
  types: ReadonlySet<string> | null;
}

const derivedEventTypes: ReadonlySet<string> = new Set(["created", "updated", "stage.opened", "stage.closed"]);

/** The effect types (outputs that are not derived events): what webhooks deliver. */
export const effectTypes: readonly string[] = outputTypes.filter((type) => !derivedEventTypes.has(type.name)).map((type) => type.name);

export class WebhookSpecError extends Error {}

/** One `--webhook` value; throws WebhookSpecError saying what is wrong. */
export function parseWebhook(spec: string): WebhookEndpoint {
  const typed = /^([a-z][a-z.,]*)=(.*)$/.exec(spec);
  const url = typed ? typed[2]! : spec;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookSpecError(`--webhook "${spec}": "${url}" is not a URL; give URL or TYPES=URL, e.g. email.send,sms.send=https://crm.example/hooks`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new WebhookSpecError(`--webhook "${spec}": the URL must be http: or https:, not ${parsed.protocol}`);
  const refused = refusedPortReason(parsed);
  if (refused !== undefined) throw new WebhookSpecError(`--webhook "${spec}": ${refused}`);
  if (!typed) return { url, types: null };
  const types = typed[1]!.split(",");
  const unknown = types.filter((type) => !effectTypes.includes(type));
  if (unknown.length > 0) throw new WebhookSpecError(`--webhook "${spec}": unknown effect type${unknown.length > 1 ? "s" : ""} ${unknown.map((type) => `"${type}"`).join(", ")}; the effect types are ${effectTypes.join(", ")}`);
  return { url, types: new Set(types) };
}

export function takes(endpoint: WebhookEndpoint, type: string): boolean {
  return endpoint.types === null ? effectTypes.includes(type) : endpoint.types.has(type);
}
