// Runs two versions of the rules over the same events side by side and
// compares what they did (`stagecraft diff`, docs/versions.md). Both engines
// take each event in turn; their outputs are named by what they are
// (output-names.ts) and matched by name: equal content is the same output,
// other content is a changed one. An output waits for its match only while the
// other run has not produced it: a timer moved later is matched when it fires.
// What is still waiting at the end is removed (only the base run has it) or
// added (only the head run). Memory holds the two engines, the names of
// derived events and the outputs not matched yet, never the outputs of a run.
import type { InputEvent, Program, Value } from "../program/ir";
import type { Engine, OutputRecord, RecordState } from "../types";
import { createEngine } from "../engine/engine";
import { RuntimeError } from "../errors";
import { comparePrograms, programManifest } from "../program/identity";
import { OutputNamer, type NamedOutput } from "./output-names";
import { DiffReportBuilder, type BehaviourDiff, type OutputDifference, type RuleGroup } from "./diff-report";

export type DiffSide = "base" | "head";

/** A runtime error in one of the two runs: the comparison cannot go on. */
export class VersionRunError extends Error {
  constructor(
    readonly side: DiffSide,
    readonly error: RuntimeError,
  ) {
    super(`${side}: ${error.message}`);
    this.name = "VersionRunError";
  }
}

interface Waiting {
  named: NamedOutput;
  /** The next output of the same name waiting on the same side (a workflow's steps after a wait share their cause). */
  next: Waiting | undefined;
  /** On the first output of a name: the last one waiting under it, so appending costs the same however many wait. */
  last?: Waiting;
}

class Side {
  readonly engine: Engine;
  readonly namer: OutputNamer;
  /** Outputs the other run has not matched yet, by name, in the order produced. */
  readonly waiting = new Map<string, Waiting>();
  /** Display name of each rule and workflow identity (`rule "Name"`, `rule at file:line`). */
  readonly labels = new Map<string, string>();
  /** Digest of each rule and workflow identity. */
  readonly digests = new Map<string, string>();
  outputs = 0;

  constructor(
    readonly name: DiffSide,
    readonly program: Program,
  ) {
    this.engine = createEngine(program);
    this.namer = new OutputNamer(program);
    for (const item of programManifest(program).items) {
      if (item.kind !== "rule" && item.kind !== "workflow") continue;
      this.labels.set(item.id, item.name);
      this.digests.set(item.id, item.digest);
    }
  }

  run(step: (engine: Engine) => OutputRecord[]): OutputRecord[] {
    try {
      return step(this.engine);
    } catch (error) {
      if (error instanceof RuntimeError) throw new VersionRunError(this.name, error);
      throw error;
    }
  }
}

export class BehaviourDiffer {
  private readonly base: Side;
  private readonly head: Side;
  private readonly report: DiffReportBuilder;
  private events = 0;

  /** `onDifference` sees every difference as it is found (the report keeps only counts and examples). */
  constructor(
    base: Program,
    head: Program,
    private readonly onDifference?: (difference: OutputDifference) => void,
  ) {
    this.base = new Side("base", base);
    this.head = new Side("head", head);
    this.report = new DiffReportBuilder(comparePrograms(base, head), (id) => this.statusOf(id));
  }

  /** Matched by identity, as comparePrograms matches items: two unnamed rules may share a `file:line` label. */
  private statusOf(id: string): RuleGroup["status"] {
    const before = this.base.digests.get(id);
    const after = this.head.digests.get(id);
    if (before === undefined) return "added";
    if (after === undefined) return "removed";
    return before === after ? "unchanged" : "changed";
  }

  /** One input event, as each version's schema reads it (the same line). */
  process(baseEvent: InputEvent, headEvent: InputEvent): void {
    this.events++;
    const fromBase = this.base.run((engine) => engine.process(baseEvent));
    const fromHead = this.head.run((engine) => engine.process(headEvent));
    this.compare(fromBase, fromHead);
  }

  /** Fires the timers due by `isoTime` in both runs (`--until`). */
  advanceTo(isoTime: string): void {
    const fromBase = this.base.run((engine) => engine.advanceTo(isoTime));
    const fromHead = this.head.run((engine) => engine.advanceTo(isoTime));
    this.compare(fromBase, fromHead);
  }

  /** Reports what is still unmatched and the final stages; the differ is done after this. */
  finish(): BehaviourDiff {
    for (const [side, kind] of [[this.base, "removed"], [this.head, "added"]] as const) {
      for (const first of side.waiting.values()) {
        for (let waiting: Waiting | undefined = first; waiting; waiting = waiting.next) this.found(kind, side, waiting.named);
      }
      side.waiting.clear();
    }
    this.compareStages();
    return this.report.build(
      { fingerprint: programManifest(this.base.program).fingerprint, outputs: this.base.outputs },
      { fingerprint: programManifest(this.head.program).fingerprint, outputs: this.head.outputs },
      this.events,
    );
  }

  /**
   * Pairs the outputs of one batch. Mostly the two runs agree, output for
   * output in the same order: those pair at once. From the first pair that
   * does not, outputs go through the waiting tables, so that one produced later
   * or earlier by the other run still finds its match.
   */
  private compare(fromBase: OutputRecord[], fromHead: OutputRecord[]): void {
    this.base.namer.beginBatch(fromBase.length);
    this.head.namer.beginBatch(fromHead.length);
    this.base.outputs += fromBase.length;
    this.head.outputs += fromHead.length;
    const paired = Math.min(fromBase.length, fromHead.length);
    let index = 0;
    for (; index < paired; index++) {
      const base = this.base.namer.name(fromBase[index]!);
      const head = this.head.namer.name(fromHead[index]!);
      // An output waiting under the same name came first: it is the one to pair with.
      if (base.name !== head.name || this.base.waiting.has(base.name) || this.head.waiting.has(head.name)) {
        this.offer(this.base, this.head, base);
        this.offer(this.head, this.base, head);
        index++;
        break;
      }
      this.pair(base, head);
    }
    for (let rest = index; rest < fromBase.length; rest++) this.offer(this.base, this.head, this.base.namer.name(fromBase[rest]!));
    for (let rest = index; rest < fromHead.length; rest++) this.offer(this.head, this.base, this.head.namer.name(fromHead[rest]!));
  }

  private offer(side: Side, other: Side, named: NamedOutput): void {
    const match = other.waiting.get(named.name);
    if (!match) {
      wait(side.waiting, named);
      return;
    }
    if (match.next) {
      match.next.last = match.last;
      other.waiting.set(named.name, match.next);
    }
    else other.waiting.delete(named.name);
    if (side === this.head) this.pair(match.named, named);
    else this.pair(named, match.named);
  }

  private pair(base: NamedOutput, head: NamedOutput): void {
    if (sameContent(base, head)) this.report.addSame();
    else this.changed(base, head);
  }

  private changed(base: NamedOutput, head: NamedOutput): void {
    this.record({
      kind: "changed",
      state: head.state,
      ruleId: head.ruleId,
      rule: this.label(this.head, head) ?? this.label(this.base, base),
      recordKey: head.recordKey,
      record: head.output.entity,
      base: base.output,
      head: head.output,
    });
  }

  private found(kind: "added" | "removed", side: Side, named: NamedOutput): void {
    const difference: OutputDifference = {
      kind,
      state: named.state,
      ruleId: named.ruleId,
      rule: this.label(side, named),
      recordKey: named.recordKey,
      record: kind === "removed" ? (this.head.namer.refOf(named.recordKey) ?? named.output.entity) : named.output.entity,
    };
    if (kind === "removed") difference.base = named.output;
    else difference.head = named.output;
    this.record(difference);
  }

  private record(difference: OutputDifference): void {
    this.report.add(difference);
    this.onDifference?.(difference);
  }

  private label(side: Side, named: NamedOutput): string | null {
    if (named.ruleId === null) return null;
    return side.labels.get(named.ruleId) ?? named.output.rule;
  }

  /** Records whose open stages differ at the end; a record only one run has counts when it has a stage open. */
  private compareStages(): void {
    for (const record of this.base.engine.snapshot().records) {
      const key = this.base.namer.recordKey(record.ref);
      const headRef = this.head.namer.refOf(key);
      const other = headRef === undefined ? undefined : this.head.engine.record(headRef);
      const before = stagesOf(record);
      const after = other ? stagesOf(other) : null;
      if (!sameStages(before, after)) this.report.addStage({ record: other?.ref ?? record.ref, base: before, head: after });
    }
    for (const record of this.head.engine.snapshot().records) {
      const baseRef = this.base.namer.refOf(this.head.namer.recordKey(record.ref));
      if (baseRef !== undefined && this.base.engine.record(baseRef)) continue;
      const after = stagesOf(record);
      if (!sameStages(null, after)) this.report.addStage({ record: record.ref, base: null, head: after });
    }
  }
}

function wait(waiting: Map<string, Waiting>, named: NamedOutput): void {
  const entry: Waiting = { named, next: undefined };
  const first = waiting.get(named.name);
  if (!first) {
    entry.last = entry;
    waiting.set(named.name, entry);
    return;
  }
  first.last!.next = entry;
  first.last = entry;
}

function sameContent(a: NamedOutput, b: NamedOutput): boolean {
  return a.output.at === b.output.at && sameData(a.data, b.data);
}

function sameData(a: Record<string, Value>, b: Record<string, Value>): boolean {
  let keys = 0;
  for (const key in a) {
    keys++;
    if (!Object.hasOwn(b, key) || a[key] !== b[key]) return false;
  }
  for (const _key in b) keys--;
  return keys === 0;
}

/** The record's open stages in code-unit order (one for a sequential pipeline). */
function stagesOf(record: RecordState): string[] {
  return Object.keys(record.open).sort();
}

/** A missing record and one with no stage open are alike: only the stages are compared. */
function sameStages(a: string[] | null, b: string[] | null): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((stage, index) => stage === right[index]);
}
