// The rules a store was written by. The store keeps their fingerprint and the
// program itself; a start with other rules is refused, naming the rules that
// differ, because the log's outputs and the snapshot's timers belong to the
// rules that made them (until rule versions exist).
import { canonicalJson, comparePrograms, programFingerprint, type Program } from "../runtime/index";

/** The rules' fingerprint (runtime/program/identity.ts), as the start line shows it and the store records it. */
export function rulesFingerprint(program: Program): string {
  return programFingerprint(program);
}

/**
 * The program as the store keeps it, to compare with at the next start. The
 * comparison is exact, stricter than the fingerprint: rule order decides which
 * matching rule runs first, and an unnamed rule's name (its file:line) is in
 * every output it made, so either changes what a replay of the log prints.
 */
export function storedRules(program: Program): string {
  return canonicalJson({ ...program, tests: [] });
}

/** Why `current` is not the program the store was written by, in the user's words. */
export function describeRuleChanges(stored: Program, current: Program): string {
  const { added, removed, changed } = comparePrograms(stored, current);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${shortList(added)}`);
  if (removed.length > 0) parts.push(`removed ${shortList(removed)}`);
  if (changed.length > 0) parts.push(`changed ${shortList(changed)}`);
  if (parts.length === 0) parts.push("the same rules in another order, or unnamed rules on other lines (their names are file:line)");
  return parts.join("; ");
}

function shortList(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
}
