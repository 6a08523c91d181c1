// fast-check arbitraries for the differential test: rule sets over the
// docs/language.md "Declarations" declarations (random rules with conditions, delays and every
// kind of action, workflows with waits and branches) and event streams over a
// few records of them.
import fc from "fast-check";
import { section2Declarations } from "../fixtures/language-declarations";

// the reference's declarations, a declared event for event-subject rules, and a
// team whose members carry attributes for `assign … where` (partner deals match none).
export const schema = `${section2Declarations}event "webinar.attended" { title: text }
team regional {
  "ana@solar.example" { channel: web }
  "bo@solar.example" { channel: phone }
  "cy@solar.example" { channel: web }
}
`;

const dealStages = ["New", "Documentation pending", "Validation", "Won", "Lost"];
const installationStages = ["Documentation pending", "Validation", "Scheduling"];
const quote = (text: string) => `"${text}"`;

// ---------------------------------------------------------------- conditions

// Mostly the amounts the events carry, so that equality and boundaries come up.
const amounts = [0, 300, 1000, 1500, 2500];
const number = fc
  .oneof({ weight: 4, arbitrary: fc.constantFrom(...amounts) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }) })
  .map(String);

const dealNumeric: fc.Arbitrary<string> = fc.oneof(
  fc.constant("amount"),
  number,
  fc.tuple(fc.constantFrom("amount"), fc.constantFrom("+", "-", "*", "/"), number).map((parts) => parts.join(" ")),
  fc.constantFrom("len(title)", "len(upper(title))", "amount / 7", "(amount - 1000) * -1"),
);

function dealCondition(readsChange: boolean, readsEvent: boolean): fc.Arbitrary<string> {
  const atoms: Array<fc.Arbitrary<string>> = [
    fc.tuple(fc.constant("amount"), fc.constantFrom("==", "<", "<=", ">", ">="), number).map((parts) => parts.join(" ")),
    fc.tuple(dealNumeric, fc.constantFrom("==", "!=", "<", "<=", ">", ">="), dealNumeric).map((parts) => parts.join(" ")),
    fc.constantFrom(
      "channel in [web, partner]",
      "channel not in [web, partner]",
      "amount not in [0, 1500]",
      "channel == phone",
      "channel != web",
      'stage == "Validation"',
      'stage != "New"',
      'is open "Won"',
      "contact != none",
      "installer == none",
      "installer != none",
      'contact.name == "Ana"',
      'lower(title) == "big deal"',
      'contains(title, "big")',
      "this != none",
      'title == "a \\"quoted\\" title"',
    ),
  ];
  if (readsChange) atoms.push(fc.constantFrom("changed(amount)", "previous(amount) < amount", "changed(title)", "previous(channel) == web"));
  if (readsEvent) atoms.push(fc.constantFrom("event.amount > 100", "event.amount == none"));
  const atom = fc.oneof(...atoms);
  return fc.oneof(
    { weight: 3, arbitrary: atom },
    { weight: 1, arbitrary: atom.map((a) => `not (${a})`) },
    { weight: 2, arbitrary: fc.tuple(atom, fc.constantFrom("and", "or"), atom).map(([a, op, b]) => `(${a}) ${op} (${b})`) },
  );
}

const installationCondition = fc.constantFrom(
  'is open "Validation"',
  'not is open "Scheduling"',
  'deal.amount > 1000',
  "deal != none",
  'deal.channel == web',
);

// ---------------------------------------------------------------- actions

const dealAction: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...dealStages).map((stage) => `open ${quote(stage)}`),
  fc.constantFrom(...dealStages).map((stage) => `close ${quote(stage)}`),
  fc.tuple(fc.constantFrom(...dealStages), fc.boolean(), fc.boolean()).map(
    ([stage, back, as]) => `move to ${quote(stage)}${back ? " allow back" : ""}${as ? ' as "alice@solar.example"' : ""}`,
  ),
  fc.constantFrom(
    'send email "Docs reminder" to contact',
    'send email "Docs reminder" to contact cc installer',
    'send email "Docs reminder" to "desk@solar.example" cc responsible',
    'send sms "Reminder" to contact',
    'create task "Call back"',
    'create task "Call back" for responsible',
    'create task "Call back" for installer',
    'create activity call "Call {contact.name} about {title}"',
    'create activity meeting "Plain text"',
    "assign installer from installers",
    "assign installer from installers least loaded",
    "assign installer from regional where channel == channel",
    "assign installer from regional where channel == channel least loaded",
    "set amount = amount + 100",
    'set title = "big deal"',
    // Texts that do not read the field they write: a second run writes the same value, so no endless cascade.
    'set title = "deal of {contact.name}"',
    "set title = \"{contact.name|'nobody'} (installer: {installer|'none yet'})\"",
    "set channel = partner",
    "create installation with { deal: this }",
    'create deal with { title: "follow-up of {title}", contact: contact, stage: "Validation" }',
    'set contact.name = "VIP {contact.name}"',
    "set contact.phone = none",
    'for each installation of deal { open "Validation" create activity visit "Visit for {deal.title}" }',
    'for each installation by deal of deal { notify "ops@solar.example" "{deal.title}: {deal.amount}" close "Scheduling" }',
    'generate report "Offer"',
    'generate report "Offer" and email "Docs reminder" to contact',
    'request signature "Offer" from contact',
    'notify "boss@solar.example" "Look at {title} for {contact.name}"',
    'notify installer "Go to {title}"',
    'notify "boss@solar.example" "Installer: {installer}, e-mail: {contact.email}"',
    'notify "boss@solar.example" "Installer: {installer|\\"nobody\\"}, e-mail: {contact.email|\'unknown\'}"',
  ),
);

const installationAction: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...installationStages).map((stage) => `open ${quote(stage)}`),
  fc.constantFrom(...installationStages).map((stage) => `close ${quote(stage)}`),
  fc.constantFrom(...dealStages).map((stage) => `move deal to ${quote(stage)}`),
  fc.constantFrom(
    'notify "ops@solar.example" "Installation of {deal.title}"',
    'create activity visit "Visit for {deal.title}"',
    "set deal.amount = deal.amount + 1",
    'set deal.contact.name = "installing"',
  ),
);

const delay = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom("minutes", "hours", "days", "business days", "weeks"),
    fc.option(fc.constantFrom("09:00", "13:30"), { nil: undefined }),
    fc.boolean(),
  )
  .map(([amount, unit, at, within]) => `after ${amount} ${unit}${at ? ` at ${at}` : ""}${within ? " within working hours" : ""}`);

// ---------------------------------------------------------------- rules

interface RuleParts {
  subject: string;
  delay?: string;
  condition?: string;
  actions: string[];
}

const dealRule: fc.Arbitrary<RuleParts> = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constantFrom(...dealStages), fc.constantFrom("open", "close")).map(([stage, edge]) => ({ subject: `deal stage ${quote(stage)} ${edge}`, change: false, event: false, open: edge === "open" })),
      fc.constantFrom("created", "updated").map((event) => ({ subject: `deal ${event}`, change: true, event: false, open: false })),
      fc.constantFrom("deleted", "email.opened", '"webinar.attended"').map((event) => ({ subject: `deal ${event}`, change: false, event: false, open: false })),
      fc.constant({ subject: "deal invoice.paid", change: false, event: true, open: false }),
    ),
    fc.option(delay, { nil: undefined }),
    fc.boolean(),
    fc.array(dealAction, { minLength: 1, maxLength: 3 }),
  )
  .chain(([subject, after, withCondition, actions]) =>
    (withCondition ? dealCondition(subject.change, subject.event).map((c): string | undefined => c) : fc.constant(undefined)).map((condition) => ({
      subject: subject.subject,
      ...(after !== undefined && subject.open ? { delay: after } : {}),
      ...(condition !== undefined ? { condition } : {}),
      actions,
    })),
  );

const becomesRule: fc.Arbitrary<RuleParts> = fc
  .tuple(dealCondition(false, false), fc.array(dealAction, { minLength: 1, maxLength: 2 }))
  .map(([condition, actions]) => ({ subject: `deal becomes ${condition}`, actions }));

const installationRule: fc.Arbitrary<RuleParts> = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constantFrom(...installationStages), fc.constantFrom("open", "close")).map(([stage, edge]) => `installation stage ${quote(stage)} ${edge}`),
      fc.constant("installation created"),
    ),
    fc.option(installationCondition, { nil: undefined }),
    fc.array(installationAction, { minLength: 1, maxLength: 2 }),
  )
  .map(([subject, condition, actions]) => ({ subject, ...(condition !== undefined ? { condition } : {}), actions }));

function ruleText(parts: RuleParts, name: string | undefined): string {
  const header = [name === undefined ? "" : `rule ${quote(name)}: `, "on ", parts.subject];
  if (parts.delay) header.push(" ", parts.delay);
  if (parts.condition) header.push(" when ", parts.condition);
  const body = parts.actions.length === 1 ? ` -> ${parts.actions[0]}` : ` {\n${parts.actions.map((a) => `  ${a}\n`).join("")}}`;
  return header.join("") + body;
}

// ---------------------------------------------------------------- workflows

const step: fc.Arbitrary<string> = fc.constantFrom(
  'send sms "Reminder" to contact',
  "wait 1 day",
  "wait 3 hours",
  "wait 1 day at 09:00",
  "wait 2 business days at 13:30 within working hours",
  "wait 30 minutes within working hours",
  'wait until amount > 2000 timeout 2 days',
  'if amount > 1000 {\n  send email "Docs reminder" to contact\n} else {\n  notify "desk@solar.example" "Small {title}"\n}',
  "if channel == web {\n  set title = \"web deal\"\n  stop\n}",
  'notify "desk@solar.example" "Step for {title}"',
  "create activity call \"Call {contact.name|'the client'} about {title}\"",
);

const workflow: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("deal", "contact"),
    fc.boolean(),
    fc.constantFrom("deal updated", "deal created", 'deal stage "Validation" open', "deal updated when amount > 500"),
    fc.array(step, { minLength: 1, maxLength: 4 }),
    fc.option(fc.constantFrom('stage == "Won"', "amount > 2500", 'contact.name == "Ana" or stage == "Validation"'), { nil: undefined }),
  )
  .map(
    ([per, reentry, enroll, steps, goal]) =>
      `per ${per}${reentry ? " reentry" : ""} {\n  enroll on ${enroll}\n${goal ? `  exit when ${goal}\n` : ""}${steps.map((s) => s.replace(/^/gm, "  ") + "\n").join("")}}`,
  );

/** A rule file (rules, then workflows), to go with `schema` in a second file. */
export const ruleFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: dealRule }, { weight: 1, arbitrary: becomesRule }, { weight: 2, arbitrary: installationRule }), fc.boolean()), {
      minLength: 1,
      maxLength: 7,
    }),
    fc.array(workflow, { maxLength: 2 }),
  )
  .map(([rules, workflows]) =>
    [
      ...rules.map(([parts, named], index) => ruleText(parts, named ? `Rule ${index} "${index}"`.replaceAll('"', '\\"') : undefined)),
      ...workflows.map((text, index) => `workflow "Flow ${index}" ${text}`),
    ].join("\n\n") + "\n",
  );

// ---------------------------------------------------------------- events

const dealRefs = ["deal/D0", "deal/D1", "deal/D2"];

const change: fc.Arbitrary<{ entity: string; type: string; data?: Record<string, unknown> }> = fc.oneof(
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("updated"), data: fc.record({ amount: fc.oneof(fc.constantFrom(...amounts), fc.integer({ min: 0, max: 4000 })) }) }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("updated"), data: fc.record({ channel: fc.constantFrom("web", "phone", "partner"), title: fc.constantFrom("big deal", "small", "a \"quoted\" title") }) }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constantFrom("stage.opened", "stage.closed"), data: fc.record({ stage: fc.constantFrom(...dealStages) }) }),
  fc.record({ entity: fc.constant("installation/I0"), type: fc.constantFrom("stage.opened", "stage.closed"), data: fc.record({ stage: fc.constantFrom(...installationStages) }) }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("invoice.paid"), data: fc.record({ amount: fc.integer({ min: 1, max: 500 }) }) }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("email.opened") }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("webinar.attended"), data: fc.record({ title: fc.constant("Solar 101") }) }),
  fc.record({ entity: fc.constant("contact/C1"), type: fc.constant("updated"), data: fc.record({ name: fc.constantFrom("Ana", "Bo") }) }),
  fc.record({ entity: fc.constantFrom(...dealRefs), type: fc.constant("deleted") }),
);

/** JSON Lines: the records first, then changes at increasing times; and the `--until` time. */
export const eventStream: fc.Arbitrary<{ lines: string[]; until: string }> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 48 * 60 }), change), { minLength: 1, maxLength: 30 })
  .map((changes) => {
    // A Friday before the DST change in Rome: business days and the 23-hour day both come up.
    const start = Date.parse("2026-03-27T07:30:00Z");
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const setup = [
      { entity: "contact/C0", type: "created", data: { name: "Ana", email: "ana@example.com" } },
      { entity: "contact/C1", type: "created", data: { name: "Bo" } },
      { entity: "deal/D0", type: "created", data: { title: "big deal", amount: 1500, channel: "web", contact: "contact/C0", stage: "New" } },
      { entity: "deal/D1", type: "created", data: { title: "small", amount: 300, channel: "phone", contact: "contact/C1" } },
      { entity: "deal/D2", type: "created", data: { title: "partner deal", amount: 2500, channel: "partner", contact: "contact/C0", installer: "bo@solar.example" } },
      { entity: "installation/I0", type: "created", data: { deal: "deal/D0" } },
    ];
    let minutes = 0;
    const lines = setup.map((event, index) => JSON.stringify({ id: `s${index}`, at: at(0), ...event }));
    changes.forEach(([gap, event], index) => {
      minutes += gap;
      lines.push(JSON.stringify({ id: `e${index}`, at: at(minutes), ...event }));
    });
    return { lines, until: at(minutes + 14 * 24 * 60) };
  });
