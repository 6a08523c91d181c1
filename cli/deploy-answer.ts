// What `stagecraft deploy` reads back from `PUT /v1/rules`, checked for its
// shape before anything is printed: a URL that is not a Stagecraft service (a
// web server answering 200 "ok", a proxy's error page) is a usage error that
// says so (exit 2), never a crash on a missing field or an empty success.
import type { DeployAnswer } from "../service/rules-service";
import { usageError, type CliError } from "./errors";

export interface ServiceDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

/** A refusal: `{"error":{code,message}}`, with the diagnostics of rules with errors or the `schema` check of unfit records. */
export interface ServiceRefusal {
  status: number;
  error: { code: string; message: string };
  diagnostics?: ServiceDiagnostic[];
  schema?: NonNullable<DeployAnswer["plan"]["schema"]>;
}

export type ServiceAnswer = { answer: DeployAnswer } | { refusal: ServiceRefusal };

/** The answer of `url` (status and body text) as a deploy's answer or a refusal; anything else is a usage error. */
export function readServiceAnswer(url: URL, status: number, text: string): ServiceAnswer {
  const unlike = (why: string): CliError => usageError(`${url.origin} does not answer like a Stagecraft service (PUT ${url.pathname} answered ${status} ${why})`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw unlike(`with ${excerpt(text)}, not JSON`);
  }
  if (!isObject(body)) throw unlike(`with ${excerpt(text)}, not a JSON object`);
  if (status !== 200) {
    const error = body.error;
    if (!isObject(error) || typeof error.code !== "string" || typeof error.message !== "string") throw unlike(`with ${excerpt(text)}, not an error of the service`);
    return { refusal: { ...(body as Omit<ServiceRefusal, "status">), status } };
  }
  const missing = missingPart(body);
  if (missing !== undefined) throw unlike(`with JSON that is not a deploy's answer: ${missing}`);
  return { answer: body as unknown as DeployAnswer };
}

/** The first part of a deploy's answer (DeployAnswer) that is missing or of another type; undefined when none is. */
function missingPart(body: Record<string, unknown>): string | undefined {
  const top: Array<[string, (value: unknown) => boolean]> = [
    ["version", Number.isInteger],
    ["fingerprint", isString],
    ["at", isString],
    ["deployed", isBoolean],
    ["unchanged", isBoolean],
    ["plan", isObject],
    ["outputs", (value) => Array.isArray(value) && value.every((line) => typeof line === "string" && isJsonObject(line))],
  ];
  for (const [name, fits] of top) if (!fits(body[name])) return `no "${name}" of the right type`;
  const plan = body.plan as Record<string, unknown>;
  const parts: Array<[string, (value: unknown) => boolean]> = [
    ["from", isString],
    ["to", isString],
    ["at", isString],
    ["rules", (value) => isObject(value) && ["added", "removed", "changed"].every((list) => Array.isArray(value[list]))],
    ["timers", isListOfObjects],
    ["instances", isListOfObjects],
    ["unchanged", (value) => isObject(value) && typeof value.timers === "number" && typeof value.instances === "number"],
    ["schema", (value) => value === undefined || (isObject(value) && typeof value.unfit === "number" && isListOfObjects(value.records) && isListOfObjects(value.problems) && isListOfObjects(value.dropped))],
  ];
  for (const [name, fits] of parts) if (!fits(plan[name])) return `no "plan.${name}" of the right type`;
  if (body.refused !== undefined && !(isObject(body.refused) && isString(body.refused.code) && isString(body.refused.message))) return `no "refused" of the right type`;
  if (body.diff !== undefined && !isObject(body.diff)) return `no "diff" of the right type`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}

function isListOfObjects(value: unknown): boolean {
  return Array.isArray(value) && value.every(isObject);
}

function isJsonObject(text: string): boolean {
  try {
    return isObject(JSON.parse(text));
  } catch {
    return false;
  }
}

/** The start of a body, quoted, for a message: `"ok"`, `"<!DOCTYPE html><html><head><title>Not Fou…"`. */
function excerpt(text: string): string {
  if (text.trim() === "") return "an empty body";
  const limit = 60;
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
}
