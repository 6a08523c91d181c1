// `assign f from team` puts a team member (a user) into f: f must be a user
// field of the record itself.
import { typeName } from "../types/value-type";
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

export const AssignCheck: Check = {
  name: "Assign",
  codes: ["SC2311"],
  nodes: {
    AssignAction: (action, context) => {
      const resolution = context.model.paths.get(action.field);
      if (resolution?.kind !== "field") return;
      if (resolution.type.kind !== "user") {
        context.report(action.field, Diagnostics.AssignNotUser, { field: resolution.path.join("."), type: typeName(resolution.type) });
      } else if (resolution.path.length > 1) {
        context.report(action.field, Diagnostics.AssignOtherRecord, { field: resolution.path.join(".") });
      }
    },
  },
};
