// Times of day (`at HH:MM`, working hours) must exist on a clock.
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

export const TimeOfDayCheck: Check = {
  name: "TimeOfDay",
  codes: ["SC2405"],
  nodes: {
    TimeOfDay: (time, context) => {
      if (time.hour >= 0 && time.hour <= 23 && time.minute >= 0 && time.minute <= 59) return;
      context.report(time, Diagnostics.NotATimeOfDay, { time: time.text });
    },
  },
};
