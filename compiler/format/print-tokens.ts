// Canonical spelling of the smallest pieces: quoted strings, names, durations,
// times. Each has exactly one printed form, so formatting is idempotent.
import type { Duration, DurationUnit, Name, StringLiteral, TimeOfDay } from "../../grammar/ast";

/** A string literal in canonical quoting: `"` `\` newline and tab escaped, other control characters as `\u{hex}` (grammar/strings.ts reads these back). */
export function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

export function printString(literal: StringLiteral): string {
  return quote(literal.value);
}

/** A name as the user chose to write it: bare identifier or quoted string. */
export function printName(name: Name): string {
  return name.quoted ? quote(name.text) : name.text;
}

const unitWords: Record<DurationUnit, [singular: string, plural: string]> = {
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
  weeks: ["week", "weeks"],
  business_days: ["business day", "business days"],
};

/** `1 day`, `4 days`, `2 business days`: the unit agrees with the amount. */
export function printDuration(duration: Duration): string {
  const [singular, plural] = unitWords[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? singular : plural}`;
}

export function printTime(time: TimeOfDay): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}
