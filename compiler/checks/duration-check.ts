// Durations (`after`, `wait`, `timeout`, a task's `due`) must be positive: a
// zero or negative delay is a mistake, an immediate action needs no `after`.
// They must also stay within a hundred years: a longer one is a typo, and its
// due time would not be a representable date.
import type { DurationUnit } from "../../grammar/ast";
import type { Check } from "./context";

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
        context.error("SC2401", `A duration must be positive, but this is ${duration.amount} ${duration.unitText}; drop \`after\` to act at once.`, duration);
      } else if (duration.amount > LONGEST[duration.unit]) {
        context.error(
          "SC2408",
          `A duration of ${duration.amount} ${duration.unitText} is more than a hundred years; at most ${LONGEST[duration.unit]} ${duration.unitText} are allowed.`,
          duration,
        );
      }
    },
  },
};
