// Names share one namespace across files: entities, teams, events, rules,
// workflows and tests once each, templates once per kind, fields and stages once
// per entity, enum values once per enum, and one calendar.
import type { Duplicate } from "../binder/binding";
import { Diagnostics } from "../../diagnostics/messages";
import type { Check, ProgramContext } from "./context";

function report(context: ProgramContext, duplicate: Duplicate): void {
  const first = `${duplicate.first.file}:${duplicate.first.line}`;
  if (duplicate.what === "calendar") {
    context.reportIn(duplicate.file, duplicate.node, Diagnostics.SecondCalendar, { first });
    return;
  }
  const where = duplicate.first.file === "stdlib" ? "in the standard library; choose another name" : `at ${first}`;
  context.reportIn(duplicate.file, duplicate.node, Diagnostics.Duplicate, { what: duplicate.what, name: duplicate.name, where });
}

export const DuplicateDeclarationCheck: Check = {
  name: "DuplicateDeclaration",
  codes: ["SC2101"],
  // the binder records duplicates as it claims names
  program: (context) => {
    for (const duplicate of context.binding.duplicates) report(context, duplicate);
  },
};
