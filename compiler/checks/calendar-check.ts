// The calendar must describe a real week: a known IANA time zone, weekday names,
// working hours that start before they end, and (holiday dates: DateTimeCheck).
import type * as ast from "../../grammar/ast";
import { weekdayNames } from "../../stdlib/types";
import type { Check } from "./context";
import { ident, quoted, suggestion } from "./suggest";

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

function checkWorkdays(days: ast.Name[], error: (code: string, message: string, node: ast.Name) => void): void {
  for (const day of days) {
    if (day.missing || (weekdayNames as readonly string[]).includes(day.text)) continue;
    error("SC2403", `${ident(day.text)} is not a weekday; expected mon, tue, wed, thu, fri, sat or sun.${suggestion(day.text, weekdayNames, ident)}`, day);
  }
}

export const CalendarCheck: Check = {
  name: "Calendar",
  codes: ["SC2402", "SC2403", "SC2404"],
  nodes: {
    Timezone: (setting, context) => {
      const zone = setting.zone;
      if (zone.missing || isKnownTimeZone(zone.text)) return;
      context.error("SC2402", `Unknown time zone ${quoted(zone.text)}; expected an IANA name such as "Europe/Rome".${suggestion(zone.text, commonZones)}`, zone);
    },
    Workdays: (setting, context) => checkWorkdays(setting.days, context.error),
    Hours: (setting, context) => {
      const from = setting.from.hour * 60 + setting.from.minute;
      const to = setting.to.hour * 60 + setting.to.minute;
      if (setting.from.missing || setting.to.missing || from < to) return;
      context.error("SC2404", `Working hours ${setting.from.text}..${setting.to.text} end before they start; write the earlier time first, e.g. 09:00..18:00.`, setting);
    },
  },
};
