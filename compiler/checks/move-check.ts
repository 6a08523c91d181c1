// `move <ref> to "S"` moves another record: <ref> must be a reference field. A
// move is forward-only without `allow back`, so moving to the first stage of a
// pipeline can never do anything.
import { typeName } from "../types/value-type";
import type { Check } from "./context";
import { ident, quoted } from "./suggest";

export const MoveCheck: Check = {
  name: "Move",
  codes: ["SC2316", "SC2603"],
  nodes: {
    MoveAction: (action, context) => {
      if (action.target && !action.target.missing) {
        const resolution = context.model.paths.get(action.target);
        if (resolution && resolution.type.kind !== "ref" && resolution.type.kind !== "unknown") {
          const name = ident(action.target.segments.map((segment) => segment.text).join("."));
          context.error("SC2316", `\`move ${name.slice(1, -1)} to …\` needs a reference to a record, but ${name} is ${typeName(resolution.type)}.`, action.target);
          return;
        }
      }
      const move = context.model.moves.get(action);
      if (move?.stage?.index === 0 && !action.allowBack) {
        context.warning(
          "SC2603",
          `Moving to ${quoted(move.stage.name)}, the first stage of ${ident(move.targetEntity)}, never happens: moves go forward only. Add \`allow back\` or use \`open "${move.stage.name}"\`.`,
          action.stage,
        );
      }
    },
  },
};
