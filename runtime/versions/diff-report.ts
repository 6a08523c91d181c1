// The behavioural difference of two rule versions as a report: counts of
// effects and state changes added, removed and changed, grouped by rule (by
// identity) and by record, each group with its first examples, and the records
// that end in another stage. Built one difference at a time: it holds counts
// and a few examples per group, never the outputs themselves.
import type { ProgramChanges } from "../program/identity";
import type { OutputRecord } from "../types";
import { compareText } from "../program/compare-text";

export type DifferenceKind = "added" | "removed" | "changed";

/**
 * One output that is not the same in both runs: only in the base run
 * (`removed`), only in the head run (`added`), or with the same name in both
 * (cause, rule, record, type: output-names.ts) and another time or other data
 * (`changed`).
 */
export interface OutputDifference {
  kind: DifferenceKind;
  /** A derived event (a state change) rather than an effect. */
  state: boolean;
  /** The rule's or workflow's identity; null for the close an input `stage.opened` implies. */
  ruleId: string | null;
  /** The rule as a reader knows it, in the version that has it (the head's when both do). */
  rule: string | null;
  /** The record's key, the same in both runs (output-names.ts). */
  recordKey: string;
  /** The record's `type/id` in the head run, or the base run when only that has it. */
  record: string;
  base?: OutputRecord;
  head?: OutputRecord;
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface GroupCounts {
  effects: Counts;
  stateChanges: Counts;
}

export interface DiffExample {
  kind: DifferenceKind;
  base?: OutputRecord;
  head?: OutputRecord;
}

export interface RuleGroup extends GroupCounts {
  /** The identity; null for the closes input `stage.opened` events imply. */
  id: string | null;
  /** `rule "Name"`, `rule at file:line`, `workflow "Name"`. */
  rule: string | null;
  /** What happened to the rule itself between the versions (comparePrograms). */
  status: "added" | "removed" | "changed" | "unchanged";
  examples: DiffExample[];
}

export interface RecordGroup extends GroupCounts {
  record: string;
  examples: DiffExample[];
}

/** A record whose open stages differ at the end; null: no such record in that run. */
export interface StageDifference {
  record: string;
  base: string[] | null;
  head: string[] | null;
}

export interface BehaviourDiff {
  base: { fingerprint: string; outputs: number };
  head: { fingerprint: string; outputs: number };
  events: number;
  /** The program's items added, removed and changed, by identity (comparePrograms). */
  rules: ProgramChanges;
  outputs: GroupCounts & { same: number };
  /** Most differences first, then by rule. */
  byRule: RuleGroup[];
  /** Most differences first, then by record. */
  byRecord: RecordGroup[];
  stages: StageDifference[];
  /** Any output or final stage differs. */
  different: boolean;
}

/** Examples kept per group: the earliest by time. */
export const EXAMPLES_PER_GROUP = 3;

interface Group extends GroupCounts {
  examples: KeptExample[];
}

interface KeptExample {
  example: DiffExample;
  at: string;
  order: number;
}

export class DiffReportBuilder {
  private readonly totals = emptyCounts();
  private same = 0;
  private order = 0;
  private readonly rules = new Map<string, Group & { id: string | null; rule: string | null }>();
  private readonly records = new Map<string, Group & { record: string }>();
  private readonly stages: StageDifference[] = [];

  /** `statusOf` says what happened to a rule or workflow between the versions, by identity. */
  constructor(
    private readonly changes: ProgramChanges,
    private readonly statusOf: (id: string) => RuleGroup["status"],
  ) {}

  addSame(): void {
    this.same++;
  }

  add(difference: OutputDifference): void {
    count(this.totals, difference);
    const ruleKey = difference.ruleId ?? "";
    let rule = this.rules.get(ruleKey);
    if (!rule) {
      rule = { ...emptyCounts(), examples: [], id: difference.ruleId, rule: difference.rule };
      this.rules.set(ruleKey, rule);
    }
    let record = this.records.get(difference.recordKey);
    if (!record) {
      record = { ...emptyCounts(), examples: [], record: difference.record };
      this.records.set(difference.recordKey, record);
    }
    const kept: KeptExample = {
      example: exampleOf(difference),
      at: earliest(difference.base?.at, difference.head?.at),
      order: this.order++,
    };
    for (const group of [rule, record]) {
      count(group, difference);
      keepExample(group.examples, kept);
    }
  }

  addStage(difference: StageDifference): void {
    this.stages.push(difference);
  }

  build(base: { fingerprint: string; outputs: number }, head: { fingerprint: string; outputs: number }, events: number): BehaviourDiff {
    const byRule: RuleGroup[] = [];
    for (const group of this.rules.values()) {
      const status = group.id === null ? "unchanged" : this.statusOf(group.id);
      byRule.push({ id: group.id, rule: group.rule, status, effects: group.effects, stateChanges: group.stateChanges, examples: examplesOf(group) });
    }
    byRule.sort((a, b) => total(b) - total(a) || compareText(a.rule ?? "", b.rule ?? ""));
    const byRecord: RecordGroup[] = [];
    for (const group of this.records.values()) {
      byRecord.push({ record: group.record, effects: group.effects, stateChanges: group.stateChanges, examples: examplesOf(group) });
    }
    byRecord.sort((a, b) => total(b) - total(a) || compareText(a.record, b.record));
    return {
      base,
      head,
      events,
      rules: this.changes,
      outputs: { same: this.same, ...this.totals },
      byRule,
      byRecord,
      stages: this.stages,
      different: this.rules.size > 0 || this.stages.length > 0,
    };
  }
}

/** Effects and state changes together. */
export function total(counts: GroupCounts): number {
  return sum(counts.effects) + sum(counts.stateChanges);
}

export function sum(counts: Counts): number {
  return counts.added + counts.removed + counts.changed;
}

function emptyCounts(): GroupCounts {
  return { effects: { added: 0, removed: 0, changed: 0 }, stateChanges: { added: 0, removed: 0, changed: 0 } };
}

function count(group: GroupCounts, difference: OutputDifference): void {
  (difference.state ? group.stateChanges : group.effects)[difference.kind]++;
}

function exampleOf(difference: OutputDifference): DiffExample {
  const example: DiffExample = { kind: difference.kind };
  if (difference.base) example.base = difference.base;
  if (difference.head) example.head = difference.head;
  return example;
}

function earliest(a: string | undefined, b: string | undefined): string {
  if (a === undefined) return b ?? "";
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** Keeps the earliest examples by time (then by when they were found), at most EXAMPLES_PER_GROUP. */
function keepExample(kept: KeptExample[], example: KeptExample): void {
  let index = kept.length;
  while (index > 0 && isBefore(example, kept[index - 1]!)) index--;
  if (index >= EXAMPLES_PER_GROUP) return;
  kept.splice(index, 0, example);
  if (kept.length > EXAMPLES_PER_GROUP) kept.pop();
}

function isBefore(a: KeptExample, b: KeptExample): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

function examplesOf(group: Group): DiffExample[] {
  return group.examples.map((kept) => kept.example);
}
