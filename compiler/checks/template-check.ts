// A template named by an action must be declared with the kind the action sends,
// and every `{path}` placeholder in it (and in `notify`/`create activity` texts,
// and text literals written by `set` and `create`) must be a field path of the
// rule's record. A template's bad placeholder is reported once, at the field it
// gets wrong, naming the records it is sent for: the template is what needs the
// fix, not each rule that sends it. A placeholder's default must be quoted text
// (`{contact.name|'there'}`), wherever the placeholder is.
import type * as ast from "../../grammar/ast";
import { Diagnostics } from "../../diagnostics/messages";
import { placeholdersOf, type Placeholder } from "../binder/template-text";
import type { CheckedModel, EntitySymbol, TemplateKind, TemplatePlaceholder, TemplateSymbol } from "../model";
import type { Check, CheckContext, ProgramContext } from "./context";
import { ident, suggestion } from "./suggest";

// "an email", "an sms" (read "es-em-es"), "a task", "a report"
const article = (kind: string): string => `${kind === "email" || kind === "sms" ? "an" : "a"} ${kind}`;

const templateKinds: TemplateKind[] = ["email", "sms", "task", "report"];

interface BadSegment {
  /** Index of the first segment that is not a field. */
  index: number;
  /** The record it was looked up on, when that is a record (else the path before it is no reference). */
  owner: EntitySymbol | undefined;
}

/** The first segment of `path` that is not a field, or undefined when the whole path resolves. */
function badSegment(model: CheckedModel, entity: EntitySymbol, path: string[]): BadSegment | undefined {
  let current: EntitySymbol | undefined = entity;
  for (let i = 0; i < path.length; i++) {
    const field = current?.fields.get(path[i]!);
    if (!current || !field) return current ? { index: i, owner: current } : undefined;
    if (i < path.length - 1) {
      if (field.type.kind !== "ref") return { index: i + 1, owner: undefined };
      current = model.entities.get(field.type.entity);
    }
  }
  return undefined;
}

/** What the message says of a bad segment: the field, its owner and a "did you mean". */
function describeBad(path: string[], bad: BadSegment, entity: EntitySymbol, withHint: boolean) {
  const field = path[bad.index]!;
  const owner = bad.index === 0 ? entity.name : path.slice(0, bad.index).join(".");
  const hint = bad.owner && withHint ? suggestion(field, bad.owner.fields.keys(), ident) : "";
  return { placeholder: path.join("."), field, owner, hint };
}

/**
 * The bad segment's own characters (`nme` of `{contact.nme}`), so carets and a
 * quick fix land on the word to change; the whole literal when escapes before it
 * make its place in the source unclear (then `precise` is false).
 */
function segmentSpan(literal: ast.StringLiteral, placeholder: { path: string[]; written: string }, segment: number): { span: ast.Span; precise: boolean } {
  const { path, written } = placeholder;
  const index = literal.value.indexOf(written);
  if (index < 0 || !escapeFree(literal)) return { span: literal, precise: false };
  const before = path.slice(0, segment).join(".");
  const start = literal.start + 1 + index + 1 + before.length + (segment > 0 ? 1 : 0);
  return { span: { start, end: start + path[segment]!.length }, precise: true };
}

/** A literal whose source is its value in quotes: offsets in the value are offsets in the source. */
const escapeFree = (literal: ast.StringLiteral): boolean => literal.end - literal.start === literal.value.length + 2;

/** A default that is not quoted text: reported at the placeholder, with it written in quotes. */
function checkDefault(report: (span: ast.Span, args: { what: string; placeholder: string; given: string; example: string }) => void, literal: ast.StringLiteral, placeholder: Placeholder, what: string): void {
  if (placeholder.badDefault === undefined) return;
  const start = literal.start + 1 + placeholder.index;
  const span = escapeFree(literal) ? { start, end: start + placeholder.written.length } : literal;
  const given = placeholder.badDefault.trim();
  const example = `${placeholder.path.join(".")}|'${given.replaceAll("'", "")}'`;
  report(span, { what, placeholder: placeholder.written.slice(1, -1), given: given === "" ? "nothing" : `\`${given}\``, example });
}

function checkTextPlaceholders(context: CheckContext, text: ast.StringLiteral, what: string): void {
  const entity = context.scope.entity;
  for (const found of placeholdersOf(text.value)) {
    checkDefault((span, args) => context.report(span, Diagnostics.PlaceholderDefault, args), text, found, what);
    if (!entity) continue;
    const bad = badSegment(context.model, entity, found.path);
    if (!bad) continue;
    const { span, precise } = segmentSpan(text, found, bad.index);
    context.report(span, Diagnostics.TextPlaceholder, { what, entity: entity.name, ...describeBad(found.path, bad, entity, precise) });
  }
}

/** The defaults of a template's texts, checked once at the declaration (whoever sends it). */
function checkTemplateDefaults(decl: ast.TemplateDecl, context: CheckContext): void {
  const texts: Array<[string, ast.StringLiteral]> = decl.text ? [["text", decl.text]] : [];
  for (const property of decl.properties) if (!property.missing && property.value.kind === "StringLiteral") texts.push([property.key.text, property.value]);
  for (const [property, literal] of texts) {
    const what = `Template "${decl.name.text}" (${property})`;
    for (const found of placeholdersOf(literal.value)) checkDefault((span, args) => context.report(span, Diagnostics.PlaceholderDefault, args), literal, found, what);
  }
}

/**
 * The records each template is sent for, gathered while rules are walked and
 * reported on when the run finishes. Keyed by the run's model: one run, one map.
 */
const sentFor = new WeakMap<CheckedModel, Map<TemplateSymbol, Set<EntitySymbol>>>();

function recordUse(context: CheckContext, template: TemplateSymbol): void {
  const entity = context.scope.entity;
  if (!entity) return;
  let uses = sentFor.get(context.model);
  if (!uses) sentFor.set(context.model, (uses = new Map()));
  let entities = uses.get(template);
  if (!entities) uses.set(template, (entities = new Set()));
  entities.add(entity);
}

function checkTemplateUse(context: CheckContext, name: ast.Name, kind: TemplateKind): void {
  if (name.missing) return;
  const template = context.model.templateUses.get(name);
  if (template) {
    recordUse(context, template);
    return;
  }
  const otherKind = templateKinds.find((other) => context.model.templates.get(other)?.has(name.text));
  if (otherKind) {
    context.report(name, Diagnostics.TemplateOfOtherKind, { template: name.text, actual: article(otherKind), needed: article(kind) });
    return;
  }
  const known = context.model.templates.get(kind)?.keys() ?? [];
  context.report(name, Diagnostics.UnknownTemplate, { kind, template: name.text, hint: suggestion(name.text, known) });
}

export const TemplateCheck: Check = {
  name: "Template",
  codes: ["SC2005", "SC2012", "SC2301", "SC2302", "SC2303"],
  nodes: {
    TemplateDecl: (decl, context) => {
      checkTemplateDefaults(decl, context);
      const kind = decl.templateKind;
      if (kind.missing || (templateKinds as string[]).includes(kind.text)) return;
      context.report(kind, Diagnostics.UnknownTemplateKind, { kind: kind.text, hint: suggestion(kind.text, templateKinds, ident) });
    },
    SendEmailAction: (action, context) => checkTemplateUse(context, action.template, "email"),
    SendSmsAction: (action, context) => checkTemplateUse(context, action.template, "sms"),
    CreateTaskAction: (action, context) => checkTemplateUse(context, action.template, "task"),
    RequestSignatureAction: (action, context) => checkTemplateUse(context, action.template, "report"),
    GenerateReportAction: (action, context) => {
      checkTemplateUse(context, action.template, "report");
      if (action.email) checkTemplateUse(context, action.email.template, "email");
    },
    NotifyAction: (action, context) => checkTextPlaceholders(context, action.text, "The notification text"),
    CreateActivityAction: (action, context) => checkTextPlaceholders(context, action.text, "The activity text"),
    // A text literal written to a field is filled in too (lower-actions.ts).
    SetAction: (action, context) => {
      if (action.value.kind === "StringLiteral") checkTextPlaceholders(context, action.value, "The text of `set`");
    },
    CreateRecordAction: (action, context) => {
      for (const field of action.fields) {
        if (field.value.kind === "StringLiteral") checkTextPlaceholders(context, field.value, `The text of \`${field.name.text}\``);
      }
    },
  },
  program: (context) => {
    const uses = sentFor.get(context.model);
    if (!uses) return;
    sentFor.delete(context.model);
    // the file of each template declaration, to report in
    const fileOf = new Map<ast.TopLevelItem, ast.SourceFile>();
    for (const file of context.binding.files) for (const item of file.items) if (item.kind === "TemplateDecl") fileOf.set(item, file);
    for (const [template, entities] of uses) {
      const file = fileOf.get(template.decl);
      if (!file) continue;
      for (const placeholder of template.placeholders) reportPlaceholder(context, file, template, placeholder, entities);
    }
  },
};

/** One report per placeholder and reason, naming every record kind it fails on. */
function reportPlaceholder(
  context: ProgramContext,
  file: ast.SourceFile,
  template: TemplateSymbol,
  placeholder: TemplatePlaceholder,
  entities: Set<EntitySymbol>,
): void {
  const failures = new Map<string, { args: ReturnType<typeof describeBad>; span: ast.Span; senders: string[] }>();
  for (const entity of entities) {
    const bad = badSegment(context.model, entity, placeholder.path);
    if (!bad) continue;
    const { span, precise } = segmentSpan(placeholder.node, placeholder, bad.index);
    const args = describeBad(placeholder.path, bad, entity, precise);
    const key = `${args.field}\u0000${args.owner}`;
    const failure = failures.get(key);
    if (failure) failure.senders.push(ident(entity.name));
    else failures.set(key, { args, span, senders: [ident(entity.name)] });
  }
  for (const { args, span, senders } of failures.values()) {
    const sentBy = `${senders.length === 1 ? "a rule" : "rules"} on ${senders.join(", ")}`;
    context.reportIn(file, span, Diagnostics.TemplatePlaceholder, {
      template: template.name,
      property: placeholder.property,
      senders: sentBy,
      ...args,
    });
  }
}
