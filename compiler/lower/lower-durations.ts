import type * as ast from "../../grammar/ast";
import type { Delay, Duration } from "../../runtime/program/ir";

export function lowerDuration(duration: ast.Duration): Duration {
  return { amount: duration.amount, unit: duration.unit };
}

/** `after D [at HH:MM] [within working hours]` (or a `wait`'s); `at` becomes minutes after local midnight. */
export function lowerDelay(delay: ast.Timing): Delay {
  return {
    duration: lowerDuration(delay.duration),
    ...(delay.at ? { at: delay.at.hour * 60 + delay.at.minute } : {}),
    withinWorkingHours: delay.withinWorkingHours,
  };
}
