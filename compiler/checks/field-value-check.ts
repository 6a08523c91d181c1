// `set f = v` and `create X with { f: v }` store v into f: v must fit f's type.
// `set` changes one field of the record itself or, through its references, of a
// record it refers to (`set contact.vip = true`); `id` never changes and the
// stage changes only through open/close/move (so stage rules fire).
import type * as ast from "../../grammar/ast";
import type { ValueType } from "../model";
import { fits, typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

function checkValue(context: CheckContext, target: ValueType | undefined, value: ast.Expr, fieldName: string): void {
  if (!target || value.missing) return;
  const type = context.model.types.get(value);
  if (!type || fits(target, type, value)) return;
  context.report(value, Diagnostics.ValueDoesNotFit, { field: fieldName, target: typeName(target), type: typeName(type) });
}

export const FieldValueCheck: Check = {
  name: "FieldValue",
  codes: ["SC2207", "SC2317"],
  nodes: {
    SetAction: (action, context) => {
      const resolution = context.model.paths.get(action.field);
      if (resolution?.kind !== "field") return;
      const last = resolution.path[resolution.path.length - 1]!;
      if (last === "id" || last === "stage") {
        context.report(action.field, last === "stage" ? Diagnostics.SetStage : Diagnostics.SetId);
      } else {
        checkValue(context, resolution.type, action.value, last);
      }
    },
    CreateRecordAction: (action, context) => {
      const entity = context.model.entities.get(action.entity.text);
      if (!entity) return;
      for (const assignment of action.fields) {
        checkValue(context, entity.fields.get(assignment.name.text)?.type, assignment.value, assignment.name.text);
      }
    },
  },
};
