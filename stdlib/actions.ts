// The action catalog: what each action does and what its subject must have.
// The checker enforces `needs`; the playground shows `syntax` and `doc`.

export type ActionName =
  | "open"
  | "close"
  | "move"
  | "send email"
  | "send sms"
  | "create task"
  | "create activity"
  | "assign"
  | "set"
  | "create"
  | "generate report"
  | "request signature"
  | "notify"
  | "for each";

/** What the record an action works on must have. */
export type ActionNeed = "nothing" | "pipeline" | "sequential pipeline";

export interface ActionInfo {
  name: ActionName;
  syntax: string;
  doc: string;
  needs: ActionNeed;
  /** The template kind the action names, if any. */
  templateKind?: "email" | "sms" | "task" | "report";
}

export const actions: readonly ActionInfo[] = [
  {
    name: "open",
    syntax: 'open "S"',
    doc: "Opens stage S: in a sequential pipeline it moves there whatever the order; in a parallel one it opens S beside the others.",
    needs: "pipeline",
  },
  { name: "close", syntax: 'close "S"', doc: "Closes stage S if it is open.", needs: "pipeline" },
  {
    name: "move",
    syntax: 'move [ref] to "S" [allow back] [as "user"]',
    doc: "Moves forward to S (backward only with allow back); the old stage closes, then S opens.",
    needs: "sequential pipeline",
  },
  {
    name: "send email",
    syntax: 'send email "T" to R [cc R]',
    doc: "Sends the e-mail template T to R.",
    needs: "nothing",
    templateKind: "email",
  },
  { name: "send sms", syntax: 'send sms "T" to R', doc: "Sends the sms template T to R.", needs: "nothing", templateKind: "sms" },
  {
    name: "create task",
    syntax: 'create task "T" [for R]',
    doc: "Creates a task from the task template T, for R; without `for` the task is unassigned (the CRM decides who gets it).",
    needs: "nothing",
    templateKind: "task",
  },
  { name: "create activity", syntax: 'create activity <type> "text"', doc: "Records an activity (call, meeting, …) on the record.", needs: "nothing" },
  {
    name: "assign",
    syntax: "assign <user-field> from <team> [round robin|least loaded]",
    doc: "Sets a user field to a member of the team, in turn or to the one with the fewest records.",
    needs: "nothing",
  },
  { name: "set", syntax: "set <field> = <expr>", doc: "Changes a field of the record.", needs: "nothing" },
  { name: "create", syntax: "create <entity> [with { field: value, … }]", doc: "Creates a record of another entity.", needs: "nothing" },
  {
    name: "generate report",
    syntax: 'generate report "T" [and email "T2" to R]',
    doc: "Generates the report T and optionally e-mails it with template T2.",
    needs: "nothing",
    templateKind: "report",
  },
  {
    name: "request signature",
    syntax: 'request signature "T" from R',
    doc: "Sends the report T to R for e-signature.",
    needs: "nothing",
    templateKind: "report",
  },
  { name: "notify", syntax: 'notify R "text"', doc: "Sends an internal notification to R.", needs: "nothing" },
  {
    name: "for each",
    syntax: "for each <entity> [by <field>] of <entity> { … }",
    doc: "Runs the block on each record of the entity whose reference field refers to this record, in ref order.",
    needs: "nothing",
  },
];

const byName = new Map(actions.map((action) => [action.name, action]));

export function findAction(name: ActionName): ActionInfo {
  const action = byName.get(name);
  if (!action) throw new Error(`stdlib has no action ${name}`);
  return action;
}
