// A migration plan as text for people (`run --resume --plan`, `deploy
// --dry-run`): what changes in the rules, then every timer cancelled or moved
// and every workflow instance of a changed workflow, one a line, then the
// records checked against a changed schema. The JSON form is the plan itself
// (migration-plan.ts).
import { describeProgramChanges } from "../errors";
import { appendAll } from "../append-all";
import { isEmptyPlan, type MigrationPlan } from "./migration-plan";
import type { SchemaCheck, SchemaProblem } from "./schema-fit";

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
  if (plan.schema) appendAll(lines, schemaLines(plan.schema));
  return lines.join("\n") + "\n";
}

/** The records the new rules cannot hold and what to do, as a refusal prints them (none: empty). */
export function formatUnfitRecords(check: SchemaCheck): string {
  if (check.unfit === 0) return "";
  return [...unfitLines(check), ...fixLines(check)].join("\n") + "\n";
}

function schemaLines(check: SchemaCheck): string[] {
  const lines = [`records: ${check.checked} of changed entities (${check.entities.join(", ")}) checked, ${check.unfit} the new rules cannot hold`];
  appendAll(lines, unfitLines(check));
  for (const drop of check.dropped) lines.push(`  dropped   field "${drop.field}" of ${drop.entity} (${count(drop.records)}): the new rules removed it`);
  appendAll(lines, fixLines(check));
  return lines;
}

function unfitLines(check: SchemaCheck): string[] {
  const lines: string[] = [];
  for (const { record, misfits } of check.records) for (const misfit of misfits) lines.push(`  unfit     ${record}: ${misfit.problem}`);
  const more = check.unfit - check.records.length;
  if (more > 0) lines.push(`  … and ${more} more record${more === 1 ? "" : "s"} (the JSON form lists the first ${check.records.length})`);
  return lines;
}

function fixLines(check: SchemaCheck): string[] {
  if (check.problems.length === 0) return [];
  const lines = ["what to do (these rules are refused until they hold every record):"];
  for (const problem of check.problems) lines.push(`  ${problemLabel(problem)} (${count(problem.records)}): ${problem.fix}`);
  return lines;
}

function problemLabel(problem: SchemaProblem): string {
  switch (problem.kind) {
    case "entity":
      return `entity ${problem.entity}`;
    case "stage":
      return `stage "${problem.name}" of ${problem.entity}`;
    case "pipeline":
      return `the pipeline of ${problem.entity}`;
    case "field":
      return `field "${problem.name}" of ${problem.entity}`;
  }
}

function count(records: number): string {
  return `${records} record${records === 1 ? "" : "s"}`;
}
