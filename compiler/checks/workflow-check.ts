// A workflow enrolls records of one entity (its steps act on them), and `per X`
// keys instances by that record itself or by its reference field X.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";

export const WorkflowCheck: Check = {
  name: "Workflow",
  codes: ["SC2501", "SC2502", "SC2503"],
  nodes: {
    WorkflowDecl: (decl, context) => {
      const workflow = context.model.workflows.get(decl);
      if (!workflow) return;
      if (decl.enrollments.length === 0) {
        context.error("SC2503", `Workflow "${decl.name.text}" has no \`enroll on …\`, so no record can ever enter it.`, decl.name);
        return;
      }
      for (const enrollment of decl.enrollments) {
        const subject = context.model.subjects.get(enrollment.subject);
        if (subject && workflow.recordEntity !== undefined && subject.entity !== workflow.recordEntity) {
          context.error(
            "SC2502",
            `This workflow enrolls ${ident(workflow.recordEntity)} records, so every \`enroll on\` must watch ${ident(workflow.recordEntity)}, not ${ident(subject.entity)}.`,
            enrollment.subject,
          );
        }
      }
      const per = decl.per;
      const record = workflow.recordEntity === undefined ? undefined : context.model.entities.get(workflow.recordEntity);
      if (!per || per.missing || !record || workflow.per !== undefined) return;
      const references = [...record.fields.values()].filter((field) => field.type.kind === "ref").map((field) => field.name);
      context.error(
        "SC2501",
        `\`per ${per.text}\` needs ${ident(per.text)} to be ${ident(record.name)} itself or a reference field of it.${suggestion(per.text, [record.name, ...references], ident)}`,
        per,
      );
    },
  },
};
