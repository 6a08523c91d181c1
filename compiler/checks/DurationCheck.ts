// Durations (`after`, `wait`, `timeout`, a task's `due`) must be positive: a
// zero or negative delay is a mistake, an immediate action needs no `after`.
// They must also stay within a hundred years: a longer one is a typo, and its
// due time would not be a representable date.
import type { DurationUnit } from "../../grammar/ast";
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

const LONGEST: Record<DurationUnit, number> = {
  minutes: 100 * 366 * 24 * 60,
  hours: 100 * 366 * 24,
  days: 100 * 366,
  weeks: 100 * 53,
  business_days: 100 * 262,
};

export const DurationCheck: Check = {
  name: "Duration",
  codes: ["SC2401", "SC2408"],
  nodes: {
    Duration: (duration, context) => {
      if (!(Number.isFinite(duration.amount) && duration.amount > 0)) {
        context.report(duration, Diagnostics.DelayNotPositive, { duration: `${duration.amount} ${duration.unitText}` });
      } else if (duration.amount > LONGEST[duration.unit]) {
        const longest = `${LONGEST[duration.unit]} ${duration.unitText}`;
        context.report(duration, Diagnostics.DurationTooLong, { duration: `${duration.amount} ${duration.unitText}`, longest });
      }
    },
  },
};
