// `stagecraft diff` as a reviewer reads it in a CI log: what changed in the
// rules, how many outputs differ, then per rule its counts and first examples
// (the outputs as `run` prints them, `-` base, `+` head), per record its
// counts, and the records that end in another stage. Long lists are cut; the
// JSON form has everything.
import { formatOutputLine } from "../reporting/output-format";
import { appendAll } from "../append-all";
import { sum, total, type BehaviourDiff, type Counts, type DiffExample, type GroupCounts, type StageDifference } from "./diff-report";
import { plural } from "../reporting/plural";

/** How the two versions and the events were given, as the user typed them. */
export interface DiffSources {
  base: string;
  head: string;
  events: string;
  until?: string;
}

/** Records (and final stages) listed in text; the rest are counted. */
export const TEXT_LIST_LIMIT = 20;

export function formatDiffText(diff: BehaviourDiff, sources: DiffSources): string {
  const lines: string[] = [];
  lines.push(`base: ${sources.base} (fingerprint ${diff.base.fingerprint}, ${plural(diff.base.outputs, "output")})`);
  lines.push(`head: ${sources.head} (fingerprint ${diff.head.fingerprint}, ${plural(diff.head.outputs, "output")})`);
  const until = sources.until === undefined ? "" : `, then the timers due by ${sources.until}`;
  lines.push(`events: ${sources.events} (${plural(diff.events, "event")}${until})`);
  lines.push("");
  const changes: Array<[string, string[]]> = [["added", diff.rules.added], ["removed", diff.rules.removed], ["changed", diff.rules.changed]];
  if (changes.every(([, items]) => items.length === 0)) lines.push("rules: the same behaviour");
  else {
    lines.push("rules:");
    for (const [kind, items] of changes) for (const item of items) lines.push(`  ${kind.padEnd(8)} ${item}`);
  }
  lines.push(total(diff.outputs) === 0 ? `outputs: ${diff.outputs.same} the same` : `outputs: ${diff.outputs.same} the same; ${describeCounts(diff.outputs)}`);
  if (diff.byRule.length > 0) {
    lines.push("", "by rule:");
    for (const group of diff.byRule) {
      const status = group.status === "unchanged" ? "" : ` (${group.status})`;
      lines.push(`  ${group.rule ?? "closes implied by input stage.opened events"}${status}: ${describeCounts(group)}`);
      for (const example of group.examples) appendAll(lines, exampleLines(example));
      const more = total(group) - group.examples.length;
      if (more > 0) lines.push(`    … and ${more} more`);
    }
    lines.push("", "by record:");
    for (const group of diff.byRecord.slice(0, TEXT_LIST_LIMIT)) lines.push(`  ${group.record}: ${describeCounts(group)}`);
    if (diff.byRecord.length > TEXT_LIST_LIMIT) lines.push(`  … and ${plural(diff.byRecord.length - TEXT_LIST_LIMIT, "more record")} (--format json lists them all)`);
  }
  if (diff.stages.length > 0) {
    lines.push("", `final stage differs (${plural(diff.stages.length, "record")}):`);
    for (const stage of diff.stages.slice(0, TEXT_LIST_LIMIT)) lines.push(`  ${stage.record}: ${stagesText(stage.base)} → ${stagesText(stage.head)}`);
    if (diff.stages.length > TEXT_LIST_LIMIT) lines.push(`  … and ${plural(diff.stages.length - TEXT_LIST_LIMIT, "more record")} (--format json lists them all)`);
  }
  lines.push("", summary(diff));
  return lines.join("\n") + "\n";
}

/** The last line: what a CI log shows first. */
function summary(diff: BehaviourDiff): string {
  if (!diff.different) return `no difference in behaviour: ${plural(diff.outputs.same, "output")} the same`;
  const all: Counts = {
    added: diff.outputs.effects.added + diff.outputs.stateChanges.added,
    removed: diff.outputs.effects.removed + diff.outputs.stateChanges.removed,
    changed: diff.outputs.effects.changed + diff.outputs.stateChanges.changed,
  };
  const stages = diff.stages.length === 0 ? "" : `; ${plural(diff.stages.length, "record")} ${diff.stages.length === 1 ? "ends" : "end"} in another stage`;
  return `different: ${all.added} added, ${all.removed} removed, ${all.changed} changed ${total(diff.outputs) === 1 ? "output" : "outputs"}${stages}`;
}

function describeCounts(counts: GroupCounts): string {
  const parts: string[] = [];
  if (sum(counts.effects) > 0) parts.push(`effects ${countsText(counts.effects)}`);
  if (sum(counts.stateChanges) > 0) parts.push(`state changes ${countsText(counts.stateChanges)}`);
  return parts.length === 0 ? "no difference" : parts.join("; ");
}

function countsText(counts: Counts): string {
  const parts: string[] = [];
  for (const kind of ["added", "removed", "changed"] as const) if (counts[kind] > 0) parts.push(`${counts[kind]} ${kind}`);
  return parts.join(", ");
}

function exampleLines(example: DiffExample): string[] {
  const label = `    ${example.kind.padEnd(8)} `;
  const lines: string[] = [];
  if (example.base) lines.push(`- ${formatOutputLine(example.base)}`);
  if (example.head) lines.push(`+ ${formatOutputLine(example.head)}`);
  return lines.map((line, index) => (index === 0 ? label : " ".repeat(label.length)) + line);
}

function stagesText(stages: StageDifference["base"]): string {
  if (stages === null) return "(no record)";
  if (stages.length === 0) return "(no stage)";
  return stages.map((stage) => JSON.stringify(stage)).join(", ");
}
