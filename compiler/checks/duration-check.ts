// Durations (`after`, `wait`, `timeout`, a task's `due`) must be positive: a
// zero or negative delay is a mistake, an immediate action needs no `after`.
// They must also stay within a hundred years: a longer one is a typo, and its
// due time would not be a representable date. Each is checked where it is
// written, so the message names the word it belongs to.
import type { Duration, DurationUnit } from "../../grammar/ast";
import { Diagnostics } from "../../diagnostics/messages";
import type { Check, CheckContext } from "./context";

const LONGEST: Record<DurationUnit, number> = {
  minutes: 100 * 366 * 24 * 60,
  hours: 100 * 366 * 24,
  days: 100 * 366,
  weeks: 100 * 53,
  business_days: 100 * 262,
};

/** What to do instead of a duration that is not positive, by the word it follows. */
const advice = {
  wait: "drop the `wait` to go on at once",
  timeout: "drop the `timeout` to wait without end",
  due: "drop `due` for a task due at once",
} as const;

function checkDuration(context: CheckContext, duration: Duration, word: "after" | keyof typeof advice): void {
  const written = `${duration.amount} ${duration.unitText}`;
  if (!(Number.isFinite(duration.amount) && duration.amount > 0)) {
    if (word === "after") context.report(duration, Diagnostics.DelayNotPositive, { duration: written });
    else context.report(duration, Diagnostics.DurationNotPositive, { word, duration: written, advice: advice[word] });
  } else if (duration.amount > LONGEST[duration.unit]) {
    context.report(duration, Diagnostics.DurationTooLong, { duration: written, longest: `${LONGEST[duration.unit]} ${duration.unitText}` });
  }
}

export const DurationCheck: Check = {
  name: "Duration",
  codes: ["SC2401", "SC2408"],
  nodes: {
    Delay: (delay, context) => checkDuration(context, delay.duration, "after"),
    WaitStep: (step, context) => checkDuration(context, step.duration, "wait"),
    WaitUntilStep: (step, context) => step.timeout && checkDuration(context, step.timeout, "timeout"),
    TemplateProperty: (property, context) => {
      if (property.value.kind === "Duration") checkDuration(context, property.value, "due");
    },
  },
};
