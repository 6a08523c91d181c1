// The rules a store was written by. The store keeps their fingerprint and IR;
// a start with other rules is refused, naming the rules that differ, because
// the log's outputs and the snapshot's timers belong to the rules that made
// them. This is the one place the service computes rule identity.
import { createHash } from "node:crypto";
import type { Program } from "../runtime/index";

/** The rules' fingerprint, as the start line shows it and the store records it. */
export function rulesFingerprint(program: Program): string {
  return `sha256:${sha256(storedRules(program)).slice(0, 16)}`;
}

/**
 * The program as the store keeps it, to compare with at the next start:
 * everything that decides outputs (rule order and rule names included, since
 * an output names its rule), without the test blocks.
 */
export function storedRules(program: Program): string {
  return canonicalJson({ ...program, tests: [] });
}

/** Why `current` is not the program the store was written by, in the user's words. */
export function describeRuleChanges(stored: Program, current: Program): string {
  const before = new Map(stored.rules.map((rule) => [rule.name, canonicalJson(rule)]));
  const after = new Map(current.rules.map((rule) => [rule.name, canonicalJson(rule)]));
  const added = [...after.keys()].filter((name) => !before.has(name));
  const removed = [...before.keys()].filter((name) => !after.has(name));
  const changed = [...after.keys()].filter((name) => before.has(name) && before.get(name) !== after.get(name));
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${quoteList(added)}`);
  if (removed.length > 0) parts.push(`removed ${quoteList(removed)}`);
  if (changed.length > 0) parts.push(`changed ${quoteList(changed)}`);
  const rulesSame = parts.length === 0;
  const { rules: _storedRules, tests: _storedTests, ...storedRest } = stored;
  const { rules: _currentRules, tests: _currentTests, ...currentRest } = current;
  if (canonicalJson(storedRest) !== canonicalJson(currentRest)) parts.push("changed declarations, templates, workflows or the calendar");
  if (rulesSame && parts.length === 0) parts.push("the rules are in another order");
  return parts.join("; ");
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function quoteList(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => `"${name}"`);
  return names.length > 5 ? `${shown.join(", ")} and ${names.length - 5} more` : shown.join(", ");
}
