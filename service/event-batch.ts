// A POST /v1/events body split into events, each with the line (JSON Lines)
// or 1-based array index (JSON) that errors name. Parsing only: what each
// event must hold is validateEventLine's, as for `run`.
import { Diagnostics } from "../diagnostics/messages";
import { keyPath, repeatedKey } from "../runtime/index";
import { refuse } from "./errors";

export interface BatchItem {
  line: number;
  /** The event as one JSON text. */
  text: string;
}

export type BodyFormat = "ndjson" | "json";

export function readBatch(body: string, format: BodyFormat): BatchItem[] {
  const items = format === "ndjson" ? readJsonLines(body) : readJson(body);
  if (items.length === 0) {
    throw refuse(400, Diagnostics.NoEvents, undefined);
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
    throw refuse(400, Diagnostics.NotJson, undefined, { reason: (error as Error).message });
  }
  if (Array.isArray(parsed)) {
    // Each event is written back as text for validateEventLine: a key given twice is lost then, so it is found here.
    const repeated = repeatedKey(body, parsed);
    if (repeated !== undefined && typeof repeated[0] === "number") throw refuse(400, Diagnostics.RepeatedKey, repeated[0] + 1, { key: keyPath(repeated.slice(1)) });
    return parsed.map((event, index) => ({ line: index + 1, text: JSON.stringify(event) }));
  }
  if (typeof parsed === "object" && parsed !== null) return [{ line: 1, text: body }];
  throw refuse(400, Diagnostics.NotAnObject, 1);
}
