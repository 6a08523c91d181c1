// Business days and `within working hours` need working time: a calendar whose
// `workdays` names no day has none, and the runtime could never find the next
// working day. Reported at each use, where the user reads the rule. (Holidays are
// single dates and cannot take all working time away; empty working hours are
// SC2404.)
import type * as ast from "../../grammar/ast";
import { Diagnostics } from "../../diagnostics/messages";
import type { CheckContext, Check } from "./context";

function calendarLine(context: CheckContext): string {
  return context.model.calendar.decl ? "the calendar's `workdays` names no day" : "the calendar has no workdays";
}

function needsWorkdays(what: string, node: ast.Duration | ast.Delay | ast.WaitStep, context: CheckContext): void {
  if (context.model.calendar.workdays.length > 0) return;
  context.report(node, Diagnostics.NoWorkdays, { what, calendar: calendarLine(context) });
}

export const WorkingTimeCheck: Check = {
  name: "WorkingTime",
  codes: ["SC2409"],
  nodes: {
    Duration: (duration, context) => {
      if (duration.unit === "business_days") needsWorkdays(`\`${duration.amount} ${duration.unitText}\``, duration, context);
    },
    Delay: (delay, context) => {
      if (delay.withinWorkingHours) needsWorkdays("`within working hours`", delay, context);
    },
    WaitStep: (step, context) => {
      if (step.withinWorkingHours) needsWorkdays("`within working hours`", step, context);
    },
  },
};
