// Coverage: which rules and workflow steps ran, and which never did, over one
// or more runs of a program (`stagecraft test --coverage`, the playground's
// gutter marks). Browser-safe and deterministic.
//
//   const counter = new CoverageCounter();
//   const engine = createEngine(program, { onCoverage: counter.record });
//   …process events, advance time…   (one counter may serve many engines)
//   const report = coverageReport(program, counter);
//   report.entries.filter((entry) => entry.hits === 0)   // never ran
//
// Entries name rules and workflows by identity (runtime/program/identity.ts)
// and carry the source location the program gives them; a workflow's steps
// are numbered in pre-order (WorkflowDef.stepLocations).
import type { Program, SourceLocation } from "../program/ir";
import type { CoverageHit } from "../types";

/** Counts hits by item; pass `record` to engines as their `onCoverage` option. */
export class CoverageCounter {
  private readonly counts = new Map<string, number>();

  readonly record = (hit: CoverageHit): void => {
    const key = hitKey(hit);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  };

  /** How many times the item ran: a rule fired, a workflow enrolled, a step was reached. */
  hits(hit: CoverageHit): number {
    return this.counts.get(hitKey(hit)) ?? 0;
  }
}

export interface CoverageEntry {
  /** A rule fires when its actions run; a workflow counts enrollments; a step counts instances reaching it. */
  kind: "rule" | "workflow" | "step";
  /** The rule's or workflow's identity (a step's is its workflow's). */
  id: string;
  /** A step's pre-order number in its workflow, from 1 as users count. */
  step?: number;
  /** As users know it: `rule "Welcome"`, `rule at solar.rules:12`, `workflow "Nurture"`, `workflow "Nurture" step 2`. */
  name: string;
  /** Where it is written; absent for a step of a program lowered without step locations. */
  location?: SourceLocation;
  hits: number;
}

export interface CoverageReport {
  /** Rules in declaration order, then each workflow followed by its steps. */
  entries: CoverageEntry[];
  /** Entries with at least one hit. */
  covered: number;
  total: number;
}

export function coverageReport(program: Program, counter: CoverageCounter): CoverageReport {
  const entries: CoverageEntry[] = [];
  for (const rule of program.rules) {
    const name = rule.id === rule.name ? `rule "${rule.name}"` : `rule at ${rule.name}`;
    entries.push({ kind: "rule", id: rule.id, name, location: rule.location, hits: counter.hits({ kind: "rule", rule: rule.id }) });
  }
  for (const workflow of program.workflows) {
    const name = `workflow "${workflow.name}"`;
    entries.push({ kind: "workflow", id: workflow.id, name, location: workflow.location, hits: counter.hits({ kind: "workflow", workflow: workflow.id }) });
    const steps = countSteps(workflow.steps);
    for (let step = 0; step < steps; step++) {
      const location = workflow.stepLocations?.[step];
      entries.push({
        kind: "step",
        id: workflow.id,
        step: step + 1,
        name: `${name} step ${step + 1}`,
        ...(location ? { location } : {}),
        hits: counter.hits({ kind: "step", workflow: workflow.id, step }),
      });
    }
  }
  const covered = entries.filter((entry) => entry.hits > 0).length;
  return { entries, covered, total: entries.length };
}

/** Steps in pre-order, `if` branches included. */
function countSteps(steps: Program["workflows"][number]["steps"]): number {
  let count = 0;
  for (const step of steps) {
    count++;
    if (step.kind === "if") count += countSteps(step.then) + countSteps(step.else);
  }
  return count;
}

/** JSON, so no identity can make two keys alike. */
function hitKey(hit: CoverageHit): string {
  switch (hit.kind) {
    case "rule":
      return JSON.stringify(["rule", hit.rule]);
    case "workflow":
      return JSON.stringify(["workflow", hit.workflow]);
    case "step":
      return JSON.stringify(["step", hit.workflow, hit.step]);
  }
}
