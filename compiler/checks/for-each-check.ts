// `for each deal [by FIELD] of contact { … }` must lead from the rule's record to
// the records referring to it through exactly one reference field
// (types/for-each-link.ts decides; this check words what went wrong).
import type { Check } from "./context";
import { forEachOutcome } from "../types/for-each-link";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const ForEachCheck: Check = {
  name: "ForEach",
  codes: ["SC2318"],
  nodes: {
    ForEachAction: (action, context) => {
      const outcome = forEachOutcome(context.model, action, context.scope.entity?.name);
      const entity = action.entity.text;
      switch (outcome.kind) {
        case "link":
        case "unresolved":
          return;
        case "not the record":
          context.report(action.of, Diagnostics.ForEachOfOtherRecord, { of: action.of.text, record: outcome.record });
          return;
        case "no reference":
          context.report(action.entity, Diagnostics.ForEachNoReference, { entity, record: outcome.record });
          return;
        case "ambiguous":
          context.report(action.entity, Diagnostics.ForEachAmbiguous, {
            entity,
            record: outcome.record,
            fields: outcome.fields.join(", "),
            first: outcome.fields[0]!,
          });
          return;
        case "not a reference":
          context.report(action.by!, Diagnostics.ForEachByNotReference, {
            entity,
            field: outcome.field,
            record: outcome.record,
            hint: suggestion(outcome.field, outcome.fields, ident),
          });
          return;
      }
    },
  },
};
