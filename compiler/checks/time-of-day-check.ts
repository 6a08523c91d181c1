// Times of day (`at HH:MM`, working hours) must exist on a clock.
import type { Check } from "./context";

export const TimeOfDayCheck: Check = {
  name: "TimeOfDay",
  codes: ["SC2405"],
  nodes: {
    TimeOfDay: (time, context) => {
      if (time.hour >= 0 && time.hour <= 23 && time.minute >= 0 && time.minute <= 59) return;
      context.error("SC2405", `${time.text} is not a time of day; expected 00:00 to 23:59.`, time);
    },
  },
};
