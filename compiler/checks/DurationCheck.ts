// Durations (`after`, `wait`, `timeout`, a task's `due`) must be positive: a
// zero or negative delay is a mistake, an immediate action needs no `after`.
import type { Check } from "./context";

export const DurationCheck: Check = {
  name: "Duration",
  codes: ["SC2401"],
  nodes: {
    Duration: (duration, context) => {
      if (Number.isFinite(duration.amount) && duration.amount > 0) return;
      context.error("SC2401", `A duration must be positive, but this is ${duration.amount} ${duration.unitText}; drop \`after\` to act at once.`, duration);
    },
  },
};
