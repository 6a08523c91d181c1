// The data of an `expect` line against what the output type carries
// (stdlib/outputs.ts): a key no such output has, a template or stage that does
// not exist, or a value of the wrong type would make `expect` fail always and
// `expect no` pass always. Values are typed as the input validator types event
// data (runtime/input/validate-event.ts `typeProblem`).
import type * as ast from "../../grammar/ast";
import type { FieldDef, FieldType } from "../../runtime/program/ir";
import type { EntitySymbol } from "../model";
import type { Check, CheckContext } from "./context";
import { ident, quoted, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";
import { findOutputType, type OutputKeyKind, type OutputType } from "../../stdlib/index";
import { typeProblem } from "../../runtime/input/validate-event";
import { literalValue } from "../lower/lower-expressions";
import { recordEntityType } from "./test-block-check";

export const TestExpectCheck: Check = {
  name: "TestExpect",
  codes: ["SC2002", "SC2003", "SC2005", "SC2706", "SC2707"],
  nodes: {
    TestOutput: (expect, context) => {
      const output = findOutputType(expect.outputType.text);
      if (!output || expect.outputType.missing) return; // SC2704
      // an expect without a record matches outputs of any record: what depends on the entity is not checked
      const type = expect.record && !expect.record.missing ? recordEntityType(expect.record.value) : undefined;
      const entity = type === undefined ? undefined : context.model.entities.get(type);
      for (const field of expect.data) {
        if (field.missing || field.name.missing || field.value.missing) continue;
        if (output.keys === "fields") checkField(context, output, field, entity);
        else checkKey(context, output, output.keys, field, entity);
      }
    },
  },
};

/** `created` and `updated` carry fields of their record; `created` its stage too. */
function checkField(context: CheckContext, output: OutputType, field: ast.TestField, entity: EntitySymbol | undefined): void {
  if (!entity) return;
  const key = field.name.text;
  if (key === "stage" && output.name === "created") return checkStage(context, field, entity);
  const symbol = entity.fields.get(key);
  const names = () => [...entity.fields.keys()].filter((name) => name !== "id" && name !== "stage");
  if (symbol && (key === "id" || key === "stage")) {
    // a record's id and stage never change by `updated` (a stage change is a stage.opened output)
    context.report(field.name, Diagnostics.UnknownExpectKey, { type: output.name, key, keys: names().map(ident).join(", "), hint: "" });
    return;
  }
  if (!symbol) {
    context.report(field.name, Diagnostics.UnknownField, { field: key, owner: entity.name, hint: suggestion(key, names(), ident) });
    return;
  }
  if (symbol.type.kind === "unknown") return; // its type is reported where it is declared
  checkValue(context, output, field, { name: key, type: symbol.type as FieldType, optional: symbol.optional });
}

function checkKey(context: CheckContext, output: OutputType, keys: Readonly<Record<string, OutputKeyKind>>, field: ast.TestField, entity: EntitySymbol | undefined): void {
  const key = field.name.text;
  const kind = Object.hasOwn(keys, key) ? keys[key]! : undefined;
  if (kind === undefined) {
    const names = Object.keys(keys);
    context.report(field.name, Diagnostics.UnknownExpectKey, { type: output.name, key, keys: names.map(ident).join(", "), hint: suggestion(key, names, ident) });
    return;
  }
  // every key of an effect or stage event holds text: a name, a recipient, a user
  if (!checkValue(context, output, field, { name: key, type: { kind: kind === "user" ? "user" : "text" }, optional: false })) return;
  if (kind === "stage") checkStage(context, field, entity);
  else if (kind === "template") checkTemplate(context, output, field);
}

/** Reports a value its key cannot hold; true when it fits. */
function checkValue(context: CheckContext, output: OutputType, field: ast.TestField, def: FieldDef): boolean {
  const problem = typeProblem(def, literalValue(field.value));
  if (problem === undefined) return true;
  context.report(field.value, Diagnostics.ExpectValueType, { key: def.name, type: output.name, problem });
  return false;
}

function checkStage(context: CheckContext, field: ast.TestField, entity: EntitySymbol | undefined): void {
  if (field.value.kind !== "StringLiteral") return;
  const stage = field.value.value.normalize("NFC");
  if (entity) {
    if (entity.pipeline?.stagesByName.has(stage)) return;
    const names = entity.pipeline?.stages.map((s) => s.name) ?? [];
    context.report(field.value, Diagnostics.UnknownStage, { stage, entity: entity.name, hint: suggestion(stage, names, quoted) });
    return;
  }
  if (context.model.stageOwners.has(stage)) return;
  context.report(field.value, Diagnostics.UnknownStageAnywhere, { stage, hint: suggestion(stage, context.model.stageOwners.keys(), quoted) });
}

function checkTemplate(context: CheckContext, output: OutputType, field: ast.TestField): void {
  if (field.value.kind !== "StringLiteral" || output.templateKind === undefined) return;
  const templates = context.model.templates.get(output.templateKind);
  const name = field.value.value;
  if (templates?.has(name)) return;
  const other = [...context.model.templates.values()].find((byName) => byName.has(name))?.get(name);
  const hint = other
    ? ` "${name}" is ${other.kind === "email" || other.kind === "sms" ? "an" : "a"} ${other.kind} template; ${output.name} outputs name ${output.templateKind} templates.`
    : suggestion(name, templates?.keys() ?? [], quoted);
  context.report(field.value, Diagnostics.UnknownTemplate, { kind: output.templateKind, template: name, hint });
}
