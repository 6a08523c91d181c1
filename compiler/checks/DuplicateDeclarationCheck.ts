// Names share one namespace across files: entities, teams, events, rules,
// workflows and tests once each, templates once per kind, fields and stages once
// per entity, enum values once per enum, and one calendar.
import type { Check } from "./context";

export const DuplicateDeclarationCheck: Check = {
  name: "DuplicateDeclaration",
  codes: ["SC2101"],
  program: (context) => {
    for (const duplicate of context.binding.duplicates) {
      const where =
        duplicate.first.file === "stdlib"
          ? "in the standard library; choose another name"
          : `at ${duplicate.first.file}:${duplicate.first.line}`;
      const what = duplicate.what === "calendar" ? "calendar block; there can be only one" : `${duplicate.what} "${duplicate.name}"`;
      const message =
        duplicate.what === "calendar" ? `Second ${what} (the first is at ${duplicate.first.file}:${duplicate.first.line}).` : `Duplicate ${what}: already declared ${where}.`;
      context.report({ code: "SC2101", severity: "error", message, node: duplicate.node, file: duplicate.file });
    }
  },
};
