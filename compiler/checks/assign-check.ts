// `assign f from team` puts a team member (a user) into f: f must be a user
// field of the record itself.
import { typeName } from "../types/value-type";
import type { Check } from "./context";
import { ident } from "./suggest";

export const AssignCheck: Check = {
  name: "Assign",
  codes: ["SC2311"],
  nodes: {
    AssignAction: (action, context) => {
      const resolution = context.model.paths.get(action.field);
      if (resolution?.kind !== "field") return;
      if (resolution.type.kind !== "user") {
        context.error("SC2311", `\`assign\` sets a user field, but ${ident(resolution.path.join("."))} is ${typeName(resolution.type)}.`, action.field);
      } else if (resolution.path.length > 1) {
        context.error("SC2311", `\`assign\` sets a user field of the rule's own record; ${ident(resolution.path.join("."))} belongs to another record.`, action.field);
      }
    },
  },
};
