// The calendar must describe a real week: a known IANA time zone, weekday names,
// working hours that start before they end, and (holiday dates: DateTimeCheck).
import type * as ast from "../../grammar/ast";
import { weekdayNames } from "../../stdlib/types";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

const commonZones = ["UTC", "Europe/Rome", "Europe/Bucharest", "Europe/Vilnius", "Asia/Ho_Chi_Minh", "Europe/London", "America/New_York"];

// The canonical IANA names, listed cheaply. Asking Intl to format in a zone
// instead loads the time zone data first, a cost every `check` of a file with a
// calendar would pay (bench/README.md, "Figures behind the code"); that probe
// remains for what the list leaves out: "UTC" and the old aliases (Asia/Saigon,
// US/Eastern, …).
let canonicalZones: ReadonlySet<string> | undefined;

function isCanonicalZone(zone: string): boolean {
  canonicalZones ??= new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  return canonicalZones.has(zone);
}

export function isKnownTimeZone(zone: string): boolean {
  if (isCanonicalZone(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.trim() !== "";
  } catch {
    return false;
  }
}

function checkWorkdays(days: ast.Name[], context: CheckContext): void {
  for (const day of days) {
    if (day.missing || (weekdayNames as readonly string[]).includes(day.text)) continue;
    context.report(day, Diagnostics.NotAWeekday, { day: day.text, hint: suggestion(day.text, weekdayNames, ident) });
  }
}

export const CalendarCheck: Check = {
  name: "Calendar",
  codes: ["SC2402", "SC2403", "SC2404"],
  nodes: {
    Timezone: (setting, context) => {
      const zone = setting.zone;
      if (zone.missing || isKnownTimeZone(zone.text)) return;
      context.report(zone, Diagnostics.UnknownTimeZone, { zone: zone.text, hint: suggestion(zone.text, commonZones) });
    },
    Workdays: (setting, context) => checkWorkdays(setting.days, context),
    Hours: (setting, context) => {
      const from = setting.from.hour * 60 + setting.from.minute;
      const to = setting.to.hour * 60 + setting.to.minute;
      if (setting.from.missing || setting.to.missing || from < to) return;
      const args = { from: setting.from.text, to: setting.to.text };
      context.report(setting, from === to ? Diagnostics.HoursEmpty : Diagnostics.HoursBackwards, args);
    },
  },
};
