// Date and datetime literals must name moments that exist: YYYY-MM-DD, and
// ISO 8601 with a time and an offset or Z (time zones are never guessed). The
// runtime's reader decides, so a test block accepts exactly the times an events
// file does, and explains a refused one in the same words.
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";
import { isIsoDate, missingTimeReason, parseInstant } from "../../runtime/time/instants";

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  return isIsoDate(text);
}

/** An instant the runtime reads: ISO 8601 with an offset or Z, of a date, time and offset that exist. */
export function isRealDateTime(text: string): boolean {
  return !Number.isNaN(parseInstant(text));
}

export const DateTimeCheck: Check = {
  name: "DateTime",
  codes: ["SC2406", "SC2703"],
  nodes: {
    DateLiteral: (literal, context) => {
      if (isRealDate(literal.text)) return;
      const why = missingTimeReason(literal.text);
      if (why !== undefined) context.report(literal, Diagnostics.NoSuchDate, { date: literal.text, why });
      else context.report(literal, Diagnostics.NotADate, { date: literal.text });
    },
    DateTimeLiteral: (literal, context) => {
      if (isRealDateTime(literal.text)) return;
      const why = missingTimeReason(literal.text);
      if (why !== undefined) context.report(literal, Diagnostics.NoSuchDateTime, { datetime: literal.text, why });
      else context.report(literal, Diagnostics.NotADateTime, { datetime: literal.text });
    },
  },
};
