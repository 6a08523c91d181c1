// A workflow enrolls records of one entity (its steps act on them), and `per X`
// keys instances by that record itself or by its reference field X.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const WorkflowCheck: Check = {
  name: "Workflow",
  codes: ["SC2501", "SC2502", "SC2503"],
  nodes: {
    WorkflowDecl: (decl, context) => {
      const workflow = context.model.workflows.get(decl);
      if (!workflow) return;
      if (decl.enrollments.length === 0) {
        context.report(decl.name, Diagnostics.NoEnrollment, { workflow: decl.name.text });
        return;
      }
      for (const enrollment of decl.enrollments) {
        const subject = context.model.subjects.get(enrollment.subject);
        if (subject && workflow.recordEntity !== undefined && subject.entity !== workflow.recordEntity) {
          context.report(enrollment.subject, Diagnostics.MixedEnrollments, { entity: workflow.recordEntity, other: subject.entity });
        }
      }
      const per = decl.per;
      const record = workflow.recordEntity === undefined ? undefined : context.model.entities.get(workflow.recordEntity);
      if (!per || per.missing || !record || workflow.per !== undefined) return;
      const references = [...record.fields.values()].filter((field) => field.type.kind === "ref").map((field) => field.name);
      context.report(per, Diagnostics.BadPer, { per: per.text, entity: record.name, hint: suggestion(per.text, [record.name, ...references], ident) });
    },
  },
};
