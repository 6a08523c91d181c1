// A POST /v1/events body split into events, each with the line (JSON Lines)
// or 1-based array index (JSON) that errors name. Parsing only: what each
// event must hold is validateEventLine's, as for `run`.
import { InputErrorCode } from "../runtime/index";
import { RequestError, ServiceErrorCode } from "./errors";

export interface BatchItem {
  line: number;
  /** The event as one JSON text. */
  text: string;
}

export type BodyFormat = "ndjson" | "json";

export function readBatch(body: string, format: BodyFormat): BatchItem[] {
  const items = format === "ndjson" ? readJsonLines(body) : readJson(body);
  if (items.length === 0) {
    throw new RequestError(400, ServiceErrorCode.emptyBody, "the body holds no events: send JSON Lines, one event per line, or a JSON event or array of events");
  }
  return items;
}

function readJsonLines(body: string): BatchItem[] {
  const items: BatchItem[] = [];
  let line = 0;
  for (let start = 0; start <= body.length; ) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    line++;
    const text = body.slice(start, end);
    if (text.trim() !== "") items.push({ line, text });
    start = end + 1;
  }
  return items;
}

function readJson(body: string): BatchItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    if (body.trim() === "") return [];
    throw new RequestError(400, InputErrorCode.badJson, `the body is not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(parsed)) return parsed.map((event, index) => ({ line: index + 1, text: JSON.stringify(event) }));
  if (typeof parsed === "object" && parsed !== null) return [{ line: 1, text: body }];
  throw new RequestError(400, InputErrorCode.badJson, "an event must be a JSON object; send one event or an array of events", 1);
}
