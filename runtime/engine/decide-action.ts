// Deciding one action against the current state (docs/language.md "Actions").
import type { Value } from "../program/ir";
import type { EvalContext, RecordState } from "../types";
import type { Decision } from "./decisions";
import type { PreparedAction, RecipientReader } from "../program/prepare";
import type { Schema } from "../program/schema";
import { readField } from "./record-state";

/** Read-only view of the engine state that decisions need beyond the record. */
export interface DecisionWorld {
  schema: Schema;
  teamCounter(team: string): number;
  /** How many records of the entity hold the member in the field now (`least loaded`). */
  load(entity: string, field: string, member: string): number;
}

export function decideAction(prepared: PreparedAction, ctx: EvalContext, world: DecisionWorld): Decision[] {
  const action = prepared.action;
  const record = ctx.record;
  switch (action.kind) {
    case "open":
      return [{ kind: "open", ref: record.ref, stage: action.stage }];
    case "close":
      return Object.hasOwn(record.open, action.stage)
        ? [{ kind: "close", ref: record.ref, stage: action.stage }]
        : [{ kind: "skip", action: `close "${action.stage}"`, reason: "the stage is not open" }];
    case "move":
      return [decideMove(prepared, ctx, world)];
    case "sendEmail": {
      const to = recipient(prepared.to, ctx);
      if (to === null) return [emptyRecipient("send email", action.to)];
      const data: Record<string, Value> = { template: action.template, to };
      const cc = recipient(prepared.cc, ctx);
      if (cc !== null) data.cc = cc;
      return [{ kind: "effect", type: "email.send", data }];
    }
    case "sendSms": {
      const to = recipient(prepared.to, ctx);
      if (to === null) return [emptyRecipient("send sms", action.to)];
      return [{ kind: "effect", type: "sms.send", data: { template: action.template, to } }];
    }
    case "createTask": {
      if (!action.for) return [{ kind: "effect", type: "task.create", data: { template: action.template } }];
      const assignee = recipient(prepared.to, ctx);
      if (assignee === null) return [emptyRecipient("create task", action.for)];
      return [{ kind: "effect", type: "task.create", data: { template: action.template, for: assignee } }];
    }
    case "createActivity":
      return [{ kind: "effect", type: "activity.create", data: { kind: action.activityKind, text: prepared.text!(ctx) } }];
    case "assign":
      return [decideAssignment(prepared, ctx, world)];
    case "set":
      return [decideSet(prepared, ctx)];
    case "create": {
      const fields: Record<string, Value> = {};
      action.fields.forEach((field, i) => {
        const value = prepared.values[i]!(ctx);
        if (value !== null) fields[field.name] = value;
      });
      return [{ kind: "create", entity: action.entity, fields }];
    }
    case "generateReport": {
      const decisions: Decision[] = [{ kind: "effect", type: "report.generate", data: { template: action.template } }];
      if (action.email) {
        const to = recipient(prepared.to, ctx);
        decisions.push(
          to === null
            ? emptyRecipient("email the report", action.email.to)
            : { kind: "effect", type: "email.send", data: { template: action.email.template, to } },
        );
      }
      return decisions;
    }
    case "requestSignature": {
      const from = recipient(prepared.to, ctx);
      if (from === null) return [emptyRecipient("request signature", action.from)];
      return [{ kind: "effect", type: "signature.request", data: { template: action.template, from } }];
    }
    case "notify": {
      const to = recipient(prepared.to, ctx);
      if (to === null) return [emptyRecipient("notify", action.to)];
      return [{ kind: "effect", type: "notify", data: { to, text: prepared.text!(ctx) } }];
    }
    case "forEach":
      throw new Error("decideAction called for `for each`: runActions runs its block");
  }
}

/** `set f = v` on the record itself, or on the record a reference path leads to (`set contact.vip = true`). */
function decideSet(prepared: PreparedAction, ctx: EvalContext): Decision {
  const action = prepared.action;
  if (action.kind !== "set") throw new Error("decideSet called for another action");
  const value = prepared.values[0]!(ctx);
  const target = actedOn(prepared, ctx);
  if (!target) return { kind: "skip", action: `set ${action.target!.join(".")}.${action.field}`, reason: `${action.target!.join(".")} is empty` };
  return { kind: "update", ref: target.ref, fields: { [action.field]: value } };
}

/** The record an action acts on: the rule's own, or the one its reference path (`contact.…`) leads to; undefined when the path is empty. */
function actedOn(prepared: PreparedAction, ctx: EvalContext): RecordState | undefined {
  if (!prepared.target) return ctx.record;
  const ref = prepared.target(ctx);
  return typeof ref === "string" ? ctx.lookup(ref) : undefined;
}

/** The Bitrix24 trigger move: forward only by pipeline order unless `allow back`. */
function decideMove(prepared: PreparedAction, ctx: EvalContext, world: DecisionWorld): Decision {
  const action = prepared.action;
  if (action.kind !== "move") throw new Error("decideMove called for another action");
  const target = actedOn(prepared, ctx);
  if (!target) return { kind: "skip", action: `move ${action.target!.join(".")} to "${action.stage}"`, reason: `${action.target!.join(".")} is empty` };
  const open = (): Decision =>
    action.as === undefined ? { kind: "open", ref: target.ref, stage: action.stage } : { kind: "open", ref: target.ref, stage: action.stage, by: action.as };
  const entity = world.schema.entities.get(target.type);
  if (entity?.pipeline?.kind !== "sequential") {
    return Object.hasOwn(target.open, action.stage)
      ? { kind: "skip", action: `move to "${action.stage}"`, reason: `${target.ref} is already in it` }
      : open();
  }
  if (target.stage === action.stage) return { kind: "skip", action: `move to "${action.stage}"`, reason: `${target.ref} is already in it` };
  if (!action.allowBack && target.stage !== null) {
    // A won or lost deal is decided: only `allow back` reopens it, whatever the order.
    const outcome = entity.pipeline.stages[entity.stageIndex.get(target.stage) ?? -1]?.outcome;
    if (outcome !== undefined) {
      return { kind: "skip", action: `move to "${action.stage}"`, reason: `${target.ref} is in "${target.stage}", a ${outcome} stage, and the rule has no allow back` };
    }
    const from = entity.stageIndex.get(target.stage) ?? -1;
    const to = entity.stageIndex.get(action.stage) ?? -1;
    if (to < from) {
      return { kind: "skip", action: `move to "${action.stage}"`, reason: `it is before "${target.stage}" and the rule has no allow back` };
    }
  }
  return open();
}

function decideAssignment(prepared: PreparedAction, ctx: EvalContext, world: DecisionWorld): Decision {
  if (prepared.action.kind !== "assign") throw new Error(`decideAssignment got a ${prepared.action.kind} action`);
  const { field, team: teamName, strategy, where } = prepared.action;
  const record = ctx.record;
  const team = world.schema.teams.get(teamName);
  if (!team || team.members.length === 0) return { kind: "skip", action: `assign ${field}`, reason: `team "${teamName}" has no members` };
  const wanted = where?.map((criterion, i) => ({ attribute: criterion.attribute, value: prepared.values[i]!(ctx) }));
  const qualifies = (index: number): boolean =>
    wanted === undefined || wanted.every(({ attribute, value }) => value !== null && team.attributes?.[index]?.[attribute] === value);
  const size = team.members.length;
  if (strategy === "round_robin") {
    // The team's counter walks the member list; members that do not qualify are
    // passed over and the counter moves past the one chosen, so round robin
    // among the matches shares the one counter the snapshot keeps per team.
    const counter = world.teamCounter(teamName);
    for (let step = 0; step < size; step++) {
      const index = (counter + step) % size;
      if (!qualifies(index)) continue;
      return { kind: "update", ref: record.ref, fields: { [field]: team.members[index]! }, roundRobinTeam: teamName, roundRobinSteps: step + 1 };
    }
    return noMatch(field, teamName, wanted!);
  }
  // Fewest other records currently assigned through this field (the record being
  // assigned does not count for the member it holds now); ties go to team order.
  const holder = readField(record, field);
  const load = (member: string) => world.load(record.type, field, member) - (holder === member ? 1 : 0);
  let best: string | undefined;
  let bestLoad = Infinity;
  for (let i = 0; i < size; i++) {
    if (!qualifies(i)) continue;
    const member = team.members[i]!;
    const memberLoad = load(member);
    if (memberLoad < bestLoad) {
      best = member;
      bestLoad = memberLoad;
    }
  }
  if (best === undefined) return noMatch(field, teamName, wanted!);
  return { kind: "update", ref: record.ref, fields: { [field]: best } };
}

/** No member qualifies: the assignment is a skipped effect, and the trace names the values sought. */
function noMatch(field: string, teamName: string, wanted: { attribute: string; value: Value }[]): Decision {
  const sought = wanted.map(({ attribute, value }) => `${attribute} == ${value === null ? "none" : JSON.stringify(value)}`).join(" and ");
  return { kind: "skip", action: `assign ${field}`, reason: `no member of team "${teamName}" has ${sought}`, effect: true };
}

function recipient(reader: RecipientReader | undefined, ctx: EvalContext): Value {
  return reader ? reader(ctx) : null;
}

function emptyRecipient(what: string, who: { kind: "field"; path: string[] } | { kind: "user"; user: string }): Decision {
  const name = who.kind === "field" ? who.path.join(".") : `"${who.user}"`;
  return { kind: "skip", action: what, reason: `the recipient ${name} is empty`, effect: true };
}
