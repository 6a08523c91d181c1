// The field values a condition read, as `--trace` and `explain` show them:
// `[amount = 500, note = none]`. An empty field is `none`, the language's
// word, not JSON's `null`; other values keep their JSON form (text quoted).
import type { Value } from "../program/ir";

export function formatReadValues(values: Readonly<Record<string, Value>>): string {
  return ` [${Object.entries(values).map(([name, value]) => `${name} = ${value === null ? "none" : JSON.stringify(value)}`).join(", ")}]`;
}
