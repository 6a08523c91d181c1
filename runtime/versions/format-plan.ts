// A migration plan as text for people (`run --resume --plan`, `deploy
// --dry-run`): what changes in the rules, then every timer cancelled or moved
// and every workflow instance of a changed workflow, one a line. The JSON form
// is the plan itself (migration-plan.ts).
import { describeProgramChanges } from "../errors";
import { isEmptyPlan, type MigrationPlan } from "./migration-plan";

export function formatPlanText(plan: MigrationPlan): string {
  if (isEmptyPlan(plan)) return `migration plan: none, the rules are the same (fingerprint ${plan.from})\n`;
  const cancelled = plan.timers.filter((change) => change.change === "cancelled").length;
  const stays = plan.instances.filter((change) => change.change === "stays").length;
  const lines = [
    `migration plan at ${plan.at}: rules ${plan.from} → ${plan.to}`,
    `rules: ${describeProgramChanges(plan.rules)}`,
    `timers: ${cancelled} cancelled, ${plan.timers.length - cancelled} moved, ${plan.unchanged.timers} go on`,
  ];
  for (const change of plan.timers) {
    const head = `  ${change.change.padEnd(9)} ${change.timer} ${change.record} (rule ${JSON.stringify(change.ruleName)})`;
    if (change.change === "cancelled") lines.push(`${head}: was due ${change.due}; ${change.reason}`);
    else lines.push(`${head}: ${change.from} → ${change.to}${change.atOnce ? " (fires at once: the new due time has passed)" : ""}, from ${change.anchor}`);
  }
  lines.push(`workflow instances: ${stays} stay on their version, ${plan.instances.length - stays} move to the new one, ${plan.unchanged.instances} go on`);
  for (const change of plan.instances) {
    const where = change.change === "stays" ? `at step ${change.step + 1}, as ${change.runs}` : `step ${change.step + 1} → ${change.newStep + 1}`;
    lines.push(`  ${change.change.padEnd(9)} workflow ${JSON.stringify(change.workflow)} ${change.record} ${where}`);
  }
  return lines.join("\n") + "\n";
}
