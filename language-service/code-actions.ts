// Quick fixes from what the checker's messages already know: the closest
// declared name of a "Did you mean …?", written in place; the name SC2610
// suggests for an unnamed rule, written before it.
import type { Range } from "./positions";

/** A diagnostic as the editor shows it: where, and its message. */
export interface MarkedProblem {
  range: Range;
  message: string;
  code?: string;
}

export interface CodeAction {
  title: string;
  kind: "quickfix";
  /** The problem it fixes, by its index among those asked about. */
  problemIndex: number;
  preferred: boolean;
  edit: { path: string; range: Range; newText: string };
}

/**
 * The text to put in place of `written` for a diagnostic message, or null.
 * Quoted names are suggested as `"Won"`, identifiers as `` `amount` ``; the
 * replacement keeps the way the name under the marker is written.
 */
export function replacementFor(written: string, message: string): string | null {
  // the input validator's messages (a test block's events) say it in lower case
  const match = /[Dd]id you mean (?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)\?/.exec(message);
  if (!match) return null;
  const name = match[1] ?? match[2]!;
  return written.startsWith('"') ? JSON.stringify(name) : name;
}

/** The fixes for the problems (those the editor shows around the cursor); `textOf` reads the text a problem marks. */
export function quickFixes(path: string, problems: readonly MarkedProblem[], textOf: (range: Range) => string): CodeAction[] {
  const fixes: CodeAction[] = [];
  for (const [problemIndex, problem] of problems.entries()) {
    const written = textOf(problem.range);
    const replacement = replacementFor(written, problem.message);
    if (replacement !== null && replacement !== written) {
      fixes.push({ title: `Change to ${replacement}`, kind: "quickfix", problemIndex, preferred: true, edit: { path, range: problem.range, newText: replacement } });
      continue;
    }
    const naming = problem.code === "SC2610" ? namingFor(problem.message) : null;
    if (naming !== null) {
      const at = { start: problem.range.start, end: problem.range.start };
      fixes.push({ title: `Name the rule ${naming}`, kind: "quickfix", problemIndex, preferred: true, edit: { path, range: at, newText: `rule ${naming}: ` } });
    }
  }
  return fixes;
}

/** The quoted name SC2610 suggests (`rule "deal created": …`), or null. */
export function namingFor(message: string): string | null {
  const match = /`rule ("(?:[^"\\]|\\.)*"): …`/.exec(message);
  return match ? match[1]! : null;
}
