// Names share one namespace across files: entities, teams, events, rules,
// workflows and tests once each, templates once per kind, fields and stages once
// per entity, enum values once per enum, and one calendar.
import type { Duplicate } from "../binder/binding";
import type { Check } from "./context";

function messageOf(duplicate: Duplicate): string {
  const first = `${duplicate.first.file}:${duplicate.first.line}`;
  if (duplicate.what === "calendar") return `Second calendar block; there can be only one (the first is at ${first}).`;
  const where = duplicate.first.file === "stdlib" ? "in the standard library; choose another name" : `at ${first}`;
  return `Duplicate ${duplicate.what} "${duplicate.name}": already declared ${where}.`;
}

export const DuplicateDeclarationCheck: Check = {
  name: "DuplicateDeclaration",
  codes: ["SC2101"],
  // the binder records duplicates as it claims names; they are all known at the end
  program: (context) => ({
    finish: () => {
      for (const duplicate of context.binding.duplicates) {
        context.report({ code: "SC2101", severity: "error", message: messageOf(duplicate), node: duplicate.node, file: duplicate.file });
      }
    },
  }),
};
