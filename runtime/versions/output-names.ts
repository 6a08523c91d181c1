// Names each output of one run by what it is instead of where it falls, so the
// outputs of two rule versions over the same events can be matched. Output ids
// (`e5.2`, `t7`) count positions: a rule added before another, or one timer
// more, shifts every id after it. A name is built from
//   - the cause: an input event's id as it is, or the name of the derived event,
//   - the rule's or workflow's identity (program/identity.ts), not its display name,
//   - the record, where a record a rule created (`task/e5.2`) is named by the
//     name of its `created` output,
//   - the output type,
//   - and its rank among outputs with all of the above in the same batch (one
//     `process` or `advanceTo`): a rule with two `send email` actions.
// Timing and data are not part of a name: they are what a "changed" output
// differs in. Names are 64-bit hashes, so a deep cascade does not grow them.
// They are compared only within one diff, so the hash reads UTF-16 code units
// (program/digest.ts hashes UTF-8 bytes, which costs an encoding per output).
import type { Program, Value } from "../program/ir";
import type { OutputRecord } from "../types";
import { CHANGE_TYPES } from "../engine/pending-event";

/** An output with the parts of it that do not depend on positions. */
export interface NamedOutput {
  name: string;
  output: OutputRecord;
  /** The identity of the rule or workflow that produced it; null for the close an input `stage.opened` implies. */
  ruleId: string | null;
  /** The record, with records created by rules named by their `created` output. */
  recordKey: string;
  /** `data` with the references to records created by rules named the same way. */
  data: Record<string, Value>;
  /** A state change (derived event) rather than an effect. */
  state: boolean;
}

/** Tells a name of a created record from any `type/id` an input may use. */
const CREATED = "\u0001";

export class OutputNamer {
  /** Display name (`file:line`, or the written name) → identity, for rules and workflows. */
  private readonly identities = new Map<string, string>();
  /** Id of a derived event of this run → its name: later outputs give it as their cause. */
  private readonly derived = new Map<string, string>();
  /** `type/<output id>` of a record a rule created → its key, and back. */
  private readonly createdKeys = new Map<string, string>();
  private readonly createdRefs = new Map<string, string>();
  private readonly ranks = new Map<string, number>();
  /** A batch of one output (the common case) needs no ranks. */
  private counting = false;

  constructor(program: Program) {
    for (const rule of program.rules) this.identities.set(rule.name, rule.id);
    for (const workflow of program.workflows) if (!this.identities.has(workflow.name)) this.identities.set(workflow.name, workflow.id);
  }

  /** Ranks count within one batch of `size` outputs. */
  beginBatch(size: number): void {
    if (this.ranks.size > 0) this.ranks.clear();
    this.counting = size > 1;
  }

  name(output: OutputRecord): NamedOutput {
    const ruleId = output.rule === null ? null : (this.identities.get(output.rule) ?? output.rule);
    const cause = this.derived.get(output.cause);
    // A record a rule creates is named after its `created` output; that output's own
    // anchor has only the record's type, since its id is the position this name avoids.
    const creates = output.type === "created" && output.entity.endsWith(`/${output.id}`);
    const typePrefix = creates ? output.entity.slice(0, output.entity.length - output.id.length) : "";
    const record = creates ? typePrefix + CREATED : this.recordKey(output.entity);
    const anchor = `${cause === undefined ? "i" + output.cause : "o" + cause}\u0000${ruleId ?? ""}\u0000${record}\u0000${output.type}`;
    const rank = this.counting ? (this.ranks.get(anchor) ?? 0) + 1 : 1;
    if (this.counting) this.ranks.set(anchor, rank);
    const name = hash64(rank === 1 ? anchor : `${anchor}\u0000${rank}`);
    const state = CHANGE_TYPES.has(output.type);
    if (state) this.derived.set(output.id, name);
    let recordKey = record;
    if (creates) {
      recordKey = `${typePrefix}${CREATED}${name}`;
      this.createdKeys.set(output.entity, recordKey);
      this.createdRefs.set(recordKey, output.entity);
    }
    return { name, output, ruleId, recordKey, data: this.canonicalData(output.data), state };
  }

  /** The key of a record: its `type/id`, or for a record a rule created, the name of that creation. */
  recordKey(ref: string): string {
    return this.createdKeys.get(ref) ?? ref;
  }

  /** The record's `type/id` in this run, for a key from either run; undefined when this run created no such record. */
  refOf(key: string): string | undefined {
    const created = this.createdRefs.get(key);
    if (created !== undefined) return created;
    return key.includes(CREATED) ? undefined : key;
  }

  private canonicalData(data: Record<string, Value>): Record<string, Value> {
    if (this.createdKeys.size === 0) return data;
    let copy: Record<string, Value> | undefined;
    for (const field in data) {
      const value = data[field];
      if (typeof value !== "string") continue;
      const key = this.createdKeys.get(value);
      if (key === undefined) continue;
      copy ??= { ...data };
      copy[field] = key;
    }
    return copy ?? data;
  }
}

/** Two 32-bit multiplicative hash lanes over the text's code units, mixed at the end (cyrb53's scheme, both lanes kept). */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}
