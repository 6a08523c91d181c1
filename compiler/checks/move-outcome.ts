// What a `move to "S"` can do, as far as the rule around it tells. Moves are
// forward-only without `allow back`; a rule on `stage "T" open` runs while T is
// the open stage of its record, so a move of that record to T changes nothing and
// one to a stage before T never happens, nor one out of T when T is won or lost.
// MoveCheck warns about them; the cause graph leaves out moves that cannot fire
// stage rules.
import type * as ast from "../../grammar/ast";
import type { CheckedModel, MoveResolution, StageSymbol } from "../model";

export type MoveOutcome =
  | { kind: "moves" }
  /** The target is the pipeline's first stage, and the move is forward-only. */
  | { kind: "first stage" }
  /** The target comes before `open`, the stage the rule runs in. */
  | { kind: "backward"; open: StageSymbol }
  /** The target is `open`, already the record's stage. */
  | { kind: "already open"; open: StageSymbol }
  /** `open` is a won or lost stage: the record is decided, and only `allow back` moves it (the runtime's rule). */
  | { kind: "decided"; open: StageSymbol & { outcome: "won" | "lost" } };

export function moveOutcome(model: CheckedModel, action: ast.MoveAction, move: MoveResolution, rule: ast.RuleDecl | undefined): MoveOutcome {
  const target = move.stage;
  if (!target) return { kind: "moves" };
  const open = rule && !move.target ? openStageOf(model, rule) : undefined;
  if (open && open.entity === target.entity) {
    if (open.index === target.index) return { kind: "already open", open };
    if (open.outcome !== undefined && !action.allowBack) return { kind: "decided", open: { ...open, outcome: open.outcome } };
    if (target.index < open.index && !action.allowBack) return { kind: "backward", open };
  }
  if (target.index === 0 && !action.allowBack) return { kind: "first stage" };
  return { kind: "moves" };
}

/** The stage a rule on `stage "T" open` of a sequential pipeline runs in. */
function openStageOf(model: CheckedModel, rule: ast.RuleDecl): StageSymbol | undefined {
  if (rule.subject.kind !== "StageSubject" || rule.subject.edge !== "open") return undefined;
  const stage = model.subjects.get(rule.subject)?.stage;
  const pipeline = stage && model.entities.get(stage.entity)?.pipeline;
  return pipeline?.kind === "sequential" ? stage : undefined;
}
