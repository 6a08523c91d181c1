// `move <ref> to "S"` moves another record: <ref> must be a reference field. A
// move that can never do anything (moveOutcome.ts) is a warning.
import { typeName } from "../types/value-type";
import type { Check } from "./context";
import { moveOutcome } from "./move-outcome";
import { Diagnostics } from "../../diagnostics/messages";

export const MoveCheck: Check = {
  name: "Move",
  codes: ["SC2316", "SC2603", "SC2604"],
  nodes: {
    MoveAction: (action, context) => {
      if (action.target && !action.target.missing) {
        const resolution = context.model.paths.get(action.target);
        if (resolution && resolution.type.kind !== "ref" && resolution.type.kind !== "unknown") {
          const path = action.target.segments.map((segment) => segment.text).join(".");
          context.report(action.target, Diagnostics.MoveTargetNotReference, { path, type: typeName(resolution.type) });
          return;
        }
      }
      const move = context.model.moves.get(action);
      if (!move?.stage) return;
      const outcome = moveOutcome(context.model, action, move, context.rule);
      const stage = move.stage.name;
      if (outcome.kind === "first stage") context.report(action.stage, Diagnostics.MoveToFirstStage, { stage, entity: move.targetEntity });
      else if (outcome.kind === "backward") context.report(action.stage, Diagnostics.MoveBackward, { stage, open: outcome.open.name });
      else if (outcome.kind === "already open") context.report(action.stage, Diagnostics.MoveToOpenStage, { stage });
      else if (outcome.kind === "decided") context.report(action.stage, Diagnostics.MoveOutOfDecided, { stage, open: outcome.open.name, outcome: outcome.open.outcome });
    },
  },
};
