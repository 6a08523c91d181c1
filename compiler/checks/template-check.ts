// A template named by an action must be declared with the kind the action sends,
// and every `{path}` placeholder in it (and in `notify`/`create activity` texts)
// must be a field path of the rule's record.
import type * as ast from "../../grammar/ast";
import { placeholderPaths, placeholderPathsOf } from "../binder/template-text";
import type { EntitySymbol, TemplateKind, TemplateSymbol } from "../model";
import type { Check, CheckContext } from "./context";
import { ident, quoted, suggestion } from "./suggest";

// "an email", "an sms" (read "es-em-es"), "a task", "a report"
const article = (kind: string): string => `${kind === "email" || kind === "sms" ? "an" : "a"} ${kind}`;

const templateKinds: TemplateKind[] = ["email", "sms", "task", "report"];

/** The first segment of `path` that is not a field, or undefined when the whole path resolves. */
function badSegment(context: CheckContext, entity: EntitySymbol, path: string[]): number | undefined {
  let current: EntitySymbol | undefined = entity;
  for (let i = 0; i < path.length; i++) {
    const field = current?.fields.get(path[i]!);
    if (!current || !field) return current ? i : undefined;
    if (i < path.length - 1) {
      if (field.type.kind !== "ref") return i + 1;
      current = context.model.entities.get(field.type.entity);
    }
  }
  return undefined;
}

function checkPlaceholders(context: CheckContext, paths: string[][], where: string, node: ast.Name | ast.StringLiteral): void {
  const entity = context.scope.entity;
  if (!entity) return;
  for (const path of paths) {
    const bad = badSegment(context, entity, path);
    if (bad === undefined) continue;
    context.error(
      "SC2302",
      `${where} uses {${path.join(".")}}, but ${ident(path[bad]!)} is not a field of ${bad === 0 ? ident(entity.name) : ident(path.slice(0, bad).join("."))}; placeholders must be field paths of ${ident(entity.name)}.`,
      node,
    );
  }
}

// Thousands of rules use a handful of templates on a handful of entities: whether
// a template's placeholders all resolve on an entity is decided once per pair.
const resolvesOn = new WeakMap<TemplateSymbol, Map<EntitySymbol, boolean>>();

function placeholdersResolve(context: CheckContext, template: TemplateSymbol, entity: EntitySymbol): boolean {
  let byEntity = resolvesOn.get(template);
  if (!byEntity) resolvesOn.set(template, (byEntity = new Map()));
  let resolves = byEntity.get(entity);
  if (resolves === undefined) {
    resolves = true;
    for (const text of template.properties.values()) {
      for (const path of placeholderPaths(text)) if (badSegment(context, entity, path) !== undefined) resolves = false;
    }
    byEntity.set(entity, resolves);
  }
  return resolves;
}

function checkTemplateUse(context: CheckContext, name: ast.Name, kind: TemplateKind): void {
  if (name.missing) return;
  const template = context.model.templateUses.get(name);
  if (template) {
    const entity = context.scope.entity;
    if (!entity || placeholdersResolve(context, template, entity)) return;
    for (const [property, text] of template.properties) {
      checkPlaceholders(context, placeholderPaths(text), `${kind} template ${quoted(template.name)} (${property})`, name);
    }
    return;
  }
  const otherKind = templateKinds.find((other) => context.model.templates.get(other)?.has(name.text));
  if (otherKind) {
    context.error("SC2301", `Template ${quoted(name.text)} is ${article(otherKind)} template, but this action needs ${article(kind)} template.`, name);
    return;
  }
  const known = context.model.templates.get(kind)?.keys() ?? [];
  context.error("SC2005", `Unknown ${kind} template ${quoted(name.text)}.${suggestion(name.text, known)}`, name);
}

export const TemplateCheck: Check = {
  name: "Template",
  codes: ["SC2005", "SC2012", "SC2301", "SC2302"],
  nodes: {
    TemplateDecl: (decl, context) => {
      const kind = decl.templateKind;
      if (kind.missing || (templateKinds as string[]).includes(kind.text)) return;
      context.error("SC2012", `Unknown template kind ${ident(kind.text)}; expected one of email, sms, task, report.${suggestion(kind.text, templateKinds, ident)}`, kind);
    },
    SendEmailAction: (action, context) => checkTemplateUse(context, action.template, "email"),
    SendSmsAction: (action, context) => checkTemplateUse(context, action.template, "sms"),
    CreateTaskAction: (action, context) => checkTemplateUse(context, action.template, "task"),
    RequestSignatureAction: (action, context) => checkTemplateUse(context, action.template, "report"),
    GenerateReportAction: (action, context) => {
      checkTemplateUse(context, action.template, "report");
      if (action.email) checkTemplateUse(context, action.email.template, "email");
    },
    NotifyAction: (action, context) => checkPlaceholders(context, placeholderPathsOf(action.text.value), "The notification text", action.text),
    CreateActivityAction: (action, context) => checkPlaceholders(context, placeholderPathsOf(action.text.value), "The activity text", action.text),
  },
};
