// Binds rules and workflows: names, subjects, the record entity workflow steps act
// on, and how an instance key is found (`per`).
import type * as ast from "../../grammar/ast";
import { positionAt } from "../../grammar/index";
import type { EnrollmentResolution, RuleResolution, WorkflowResolution } from "../model";
import type { Binding } from "./binding";
import { resolveSubject } from "./subjects";

/** A rule's output name: its written name, or `file:line` of its first token. */
export function ruleName(file: ast.SourceFile, decl: ast.RuleDecl): string {
  return decl.name?.text ?? `${file.path}:${positionAt(file.lineStarts, decl.start).line}`;
}

export function bindRulesAndWorkflows(binding: Binding): void {
  for (const file of binding.files) {
    // indexed: one pass per rule on a cold run, where for-of allocates per step
    for (let i = 0; i < file.items.length; i++) bindItem(binding, file.items[i]!, file);
  }
}

/** Binds one rule or workflow (other items have nothing to bind). */
function bindItem(binding: Binding, item: ast.TopLevelItem, file: ast.SourceFile): void {
  const { model } = binding;
  if (item.kind === "RuleDecl") {
    const subject = resolveSubject(model, item.subject);
    if (subject) model.subjects.set(item.subject, subject);
    const rule: RuleResolution = { decl: item, file, name: ruleName(file, item) };
    if (subject) rule.subject = subject;
    model.rules.set(item, rule);
  } else if (item.kind === "WorkflowDecl") {
    model.workflows.set(item, bindWorkflow(binding, item, file.path));
  }
}

function bindWorkflow(binding: Binding, decl: ast.WorkflowDecl, file: string): WorkflowResolution {
  const { model } = binding;
  const resolution: WorkflowResolution = { decl, file, name: decl.name.text, enrollments: new Map() };
  for (const enrollment of decl.enrollments) {
    const subject = resolveSubject(model, enrollment.subject);
    if (subject) {
      model.subjects.set(enrollment.subject, subject);
      resolution.recordEntity ??= subject.entity;
    }
  }
  const record = resolution.recordEntity === undefined ? undefined : model.entities.get(resolution.recordEntity);
  // `per X`: X is the enrolling entity itself, or a reference field of it whose record keys the instance.
  let keyField: string | null = null;
  if (record) {
    const per = decl.per?.text;
    if (per === undefined || per === record.name) {
      resolution.per = record.name;
    } else {
      const field = record.fields.get(per);
      if (field?.type.kind === "ref") {
        resolution.per = field.type.entity;
        keyField = per;
      }
    }
  }
  for (const enrollment of decl.enrollments) {
    const subject = model.subjects.get(enrollment.subject);
    const entry: EnrollmentResolution = { keyField };
    if (subject) entry.subject = subject;
    resolution.enrollments.set(enrollment, entry);
  }
  return resolution;
}
