// What `run` outputs (docs/contract.md "Output of `run`"): the derived events and
// effects, and the data keys each carries. A test's `expect` lines are checked
// against this list; test/runtime/output-catalog.test.ts keeps it equal to what
// the engine writes.

/**
 * What a data key holds: a template's name, a recipient (`type/id`, a user or an
 * address), free text, a stage of the output's record, or a user.
 */
export type OutputKeyKind = "template" | "recipient" | "text" | "stage" | "user";

export interface OutputType {
  name: string;
  /** The data keys, or "fields" when the data are fields of the output's record (`created`, `updated`). */
  keys: Readonly<Record<string, OutputKeyKind>> | "fields";
  /** The kind of template a `template` key names. */
  templateKind?: "email" | "sms" | "task" | "report";
}

export const outputTypes: readonly OutputType[] = [
  { name: "created", keys: "fields" },
  { name: "updated", keys: "fields" },
  { name: "stage.opened", keys: { stage: "stage", by: "user" } },
  { name: "stage.closed", keys: { stage: "stage" } },
  { name: "email.send", keys: { template: "template", to: "recipient", cc: "recipient" }, templateKind: "email" },
  { name: "sms.send", keys: { template: "template", to: "recipient" }, templateKind: "sms" },
  { name: "task.create", keys: { template: "template", for: "recipient" }, templateKind: "task" },
  { name: "activity.create", keys: { kind: "text", text: "text" } },
  { name: "report.generate", keys: { template: "template" }, templateKind: "report" },
  { name: "signature.request", keys: { template: "template", from: "recipient" }, templateKind: "report" },
  { name: "notify", keys: { to: "recipient", text: "text" } },
  // A workflow instance that left at its goal (`exit when`); `workflow` is its name.
  { name: "workflow.exited", keys: { workflow: "text" } },
];

const byName = new Map(outputTypes.map((output) => [output.name, output]));

export function findOutputType(name: string): OutputType | undefined {
  return byName.get(name);
}
