// The `run` output line (docs/contract.md): keys in a fixed order whatever order the
// record was built in.
import type { OutputRecord } from "../types";

export function formatOutputLine(record: OutputRecord): string {
  return JSON.stringify({
    id: record.id,
    at: record.at,
    entity: record.entity,
    type: record.type,
    data: record.data,
    cause: record.cause,
    rule: record.rule,
  });
}
