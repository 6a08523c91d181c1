// Field paths must name fields of the rule's record, following references
// (`contact.name` needs `contact` to be a reference). `create X with { f: … }`
// must name fields of X.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";

export const UnknownFieldCheck: Check = {
  name: "UnknownField",
  codes: ["SC2002"],
  nodes: {
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      if (!failure) return;
      const segment = path.segments[failure.segment];
      if (!segment) return;
      if (failure.reason === "not a reference") {
        context.error("SC2002", `${ident(failure.owner)} is not a reference to a record, so it has no field ${ident(segment.text)}.`, segment);
      } else if (failure.reason === "unknown field") {
        const hint =
          segment.text === "stage" && path.segments.length === 1
            ? ` ${ident(failure.owner)} has no sequential pipeline; use \`is open "S"\` for a parallel one.`
            : suggestion(segment.text, failure.candidates, ident);
        context.error("SC2002", `Unknown field ${ident(segment.text)} of ${ident(failure.owner)}.${hint}`, segment);
      }
    },
    CreateRecordAction: (action, context) => {
      const entity = context.model.entities.get(action.entity.text);
      if (!entity) return;
      for (const assignment of action.fields) {
        const name = assignment.name;
        const field = entity.fields.get(name.text);
        // `stage` and `responsible` may be given at creation; `id` derives from the cause.
        if (field && field.name !== "id") continue;
        const declared = [...entity.fields.keys()].filter((f) => f !== "id");
        context.error("SC2002", `Unknown field ${ident(name.text)} of ${ident(entity.name)}.${suggestion(name.text, declared, ident)}`, name);
      }
    },
  },
};
