// Entity names in subjects, `create X`, `for each X of Y` and field types must be declared entities
// (or, for field types, a primitive type).
import type * as ast from "../../grammar/ast";
import { primitiveTypeNames, isPrimitiveTypeName } from "../../stdlib/types";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

function checkEntityName(name: ast.Name | undefined, context: CheckContext): void {
  if (!name || name.missing || context.model.entities.has(name.text)) return;
  context.report(name, Diagnostics.UnknownEntity, { entity: name.text, hint: suggestion(name.text, context.model.entities.keys(), ident) });
}

export const UnknownEntityCheck: Check = {
  name: "UnknownEntity",
  codes: ["SC2001"],
  nodes: {
    StageSubject: (subject, context) => checkEntityName(subject.entity, context),
    LifecycleSubject: (subject, context) => checkEntityName(subject.entity, context),
    EventSubject: (subject, context) => checkEntityName(subject.entity, context),
    BecomesSubject: (subject, context) => checkEntityName(subject.entity, context),
    CreateRecordAction: (action, context) => checkEntityName(action.entity, context),
    ForEachAction: (action, context) => {
      checkEntityName(action.entity, context);
      checkEntityName(action.of, context);
    },
    NamedType: (type, context) => {
      const name = type.name;
      if (name.missing || isPrimitiveTypeName(name.text) || context.model.entities.has(name.text)) return;
      const known = [...primitiveTypeNames, ...context.model.entities.keys()];
      context.report(name, Diagnostics.UnknownFieldType, { type: name.text, hint: suggestion(name.text, known, ident) });
    },
  },
};
