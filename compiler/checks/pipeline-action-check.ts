// Stage actions need a pipeline on the record they act on, and `move` (a
// forward-only trigger) needs a sequential one: in a parallel pipeline stages
// have no single position to move from.
import type * as ast from "../../grammar/ast";
import type { Check, CheckContext } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

function lacksPipeline(context: CheckContext, entityName: string | undefined): entityName is string {
  if (entityName === undefined) return false;
  const entity = context.model.entities.get(entityName);
  return entity !== undefined && entity.pipeline === undefined;
}

function reportNoPipeline(context: CheckContext, entityName: string, what: string, node: ast.Name): void {
  context.report(node, Diagnostics.NoPipeline, { what, entity: entityName });
}

function requirePipeline(context: CheckContext, entityName: string | undefined, what: string, node: ast.Name): void {
  if (lacksPipeline(context, entityName)) reportNoPipeline(context, entityName, what, node);
}

export const PipelineActionCheck: Check = {
  name: "PipelineAction",
  codes: ["SC2313", "SC2314"],
  nodes: {
    StageSubject: (subject, context) => {
      // the subject's wording is built only when it is reported
      if (subject.entity && lacksPipeline(context, subject.entity.text)) {
        reportNoPipeline(context, subject.entity.text, `\`stage "${subject.stage.text}" ${subject.edge}\``, subject.stage);
      }
    },
    OpenAction: (action, context) => requirePipeline(context, context.scope.entity?.name, "`open`", action.stage),
    CloseAction: (action, context) => requirePipeline(context, context.scope.entity?.name, "`close`", action.stage),
    IsOpenExpr: (expr, context) => requirePipeline(context, context.scope.entity?.name, "`is open`", expr.stage),
    MoveAction: (action, context) => {
      const move = context.model.moves.get(action);
      if (!move) return;
      requirePipeline(context, move.targetEntity, "`move`", action.stage);
      const pipeline = context.model.entities.get(move.targetEntity)?.pipeline;
      if (pipeline?.kind === "parallel") {
        context.report(action.stage, Diagnostics.MoveOnParallel, { entity: move.targetEntity, stage: action.stage.text });
      }
    },
  },
};
