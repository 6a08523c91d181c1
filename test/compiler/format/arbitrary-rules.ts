// fast-check arbitraries that build valid rule files over the docs/language.md "Declarations"
// schema (test/compiler/lower/schema.ts): random subjects, delays, conditions
// and actions, joined with odd spacing, line breaks and comments.
import fc from "fast-check";

/** Tokens of one construct; a separator is chosen between every two of them. */
type Tokens = readonly string[];

const dealStages = ["New", "Documentation pending", "Validation", "Won", "Lost"];
/** Stages that only deal declares, so `on stage "S"` resolves without an entity. */
const dealOnlyStages = ["New", "Won", "Lost"];

const stageName = fc.constantFrom(...dealStages).map((stage) => `"${stage}"`);
const smallNumber = fc.integer({ min: 0, max: 5000 }).map(String);

/** Whitespace and comments that may sit between any two tokens. */
const separator: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(" ") },
  { weight: 2, arbitrary: fc.constantFrom("  ", "\t", " \t ") },
  { weight: 2, arbitrary: fc.constantFrom("\n", "\n    ", "\n\n  ", "\r\n") },
  { weight: 1, arbitrary: fc.constantFrom(" // why\n", "  //trailing note  \n", "\n  // on its own line\n  ", "\n//x\n") },
);

/**
 * Words that start a top-level item when they come first on a line (grammar/parse.ts
 * cuts the file there), so no line break may come before them inside an item.
 */
const itemStartWords = new Set(["calendar", "entity", "template", "team", "event", "rule", "on", "workflow", "test"]);
const sameLineSeparator = fc.constantFrom(" ", "  ", "\t");

function join(tokens: Tokens): fc.Arbitrary<string> {
  const gaps = tokens.map((token, index) =>
    index === 0 ? fc.constant("") : itemStartWords.has(token) && tokens[index + 1] !== ":" ? sameLineSeparator : separator,
  );
  return fc.tuple(...gaps).map((chosen) => tokens.map((token, index) => chosen[index]! + token).join(""));
}

// ---------------------------------------------------------------- expressions

/** Numeric expressions over deal fields, with random (sometimes redundant) parentheses. */
const numeric: fc.Arbitrary<Tokens> = fc.letrec<{ num: Tokens }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(["amount"], ["5"], ["1000"], ["2.5"]),
    smallNumber.map((n) => [n]),
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num")).map(([a, op, b]) => [...a, op, ...b]),
    tie("num").map((inner) => ["(", ...inner, ")"]),
    tie("num").map((inner) => ["-", "(", ...inner, ")"]),
  ),
})).num;

const changeReaders: Tokens[] = [
  ["changed", "(", "amount", ")"],
  ["previous", "(", "amount", ")", "<", "amount"],
];

/** Boolean conditions; `changed`/`previous` only where a change triggered the rule (checker SC2209). */
function conditionOver(readsChange: boolean): fc.Arbitrary<Tokens> {
  return fc.letrec<{ bool: Tokens }>((tie) => ({
  bool: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(numeric, fc.constantFrom("==", "!=", "<", "<=", ">", ">="), numeric).map(([a, op, b]) => [...a, op, ...b]),
    fc.constantFrom(
      ["channel", "in", "[", "web", ",", "partner", "]"],
      ["channel", "not", "in", "[", "web", ",", "partner", "]"],
      ["channel", "==", "phone"],
      ["stage", "==", '"Validation"'],
      ["is", "open", '"Won"'],
      ["contact", "!=", "none"],
      ["lead", "==", "none"],
      ["title", "==", '"A \\"quoted\\" title"'],
      ["true"],
      ...(readsChange ? changeReaders : []),
    ),
    tie("bool").map((inner) => ["not", ...inner]),
    tie("bool").map((inner) => ["(", ...inner, ")"]),
    fc.tuple(tie("bool"), fc.constantFrom("and", "or"), tie("bool")).map(([a, op, b]) => ["(", ...a, op, ...b, ")"]),
    fc.tuple(tie("bool"), fc.constantFrom("and", "or"), tie("bool")).map(([a, op, b]) => [...a, op, ...b]),
  ),
  })).bool;
}

const condition = conditionOver(false);
const changeCondition = conditionOver(true);

// ---------------------------------------------------------------- rules

const subject: fc.Arbitrary<{ tokens: Tokens; stage: boolean; readsChange?: boolean }> = fc.oneof(
  fc.tuple(stageName, fc.constantFrom("open", "close")).map(([stage, edge]) => ({ tokens: ["on", "deal", "stage", stage, edge], stage: true })),
  fc.tuple(fc.constantFrom(...dealOnlyStages), fc.constantFrom("open", "close")).map(([stage, edge]) => ({
    tokens: ["on", "stage", `"${stage}"`, edge],
    stage: true,
  })),
  fc.constantFrom("created", "updated", "deleted", "invoice.paid", "email.opened", '"webinar.attended"').map((event) => ({
    tokens: ["on", "deal", event],
    stage: false,
    readsChange: event === "created" || event === "updated",
  })),
  condition.map((cond) => ({ tokens: ["on", "deal", "becomes", ...cond], stage: false, readsChange: true })),
);

const unitWords = ["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "business day", "business days"];

const delay: fc.Arbitrary<Tokens> = fc
  .tuple(
    fc.integer({ min: 1, max: 30 }),
    fc.constantFrom(...unitWords),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)), { nil: undefined }),
    fc.boolean(),
  )
  .map(([amount, unit, at, within]) => [
    "after",
    String(amount),
    ...unit.split(" "),
    ...(at ? ["at", `${String(at[0]).padStart(2, "0")}:${String(at[1]).padStart(2, "0")}`] : []),
    ...(within ? ["within", "working", "hours"] : []),
  ]);

const recipient = fc.constantFrom(["contact"], ["responsible"], ["installer"], ['"alice@solar.example"']);

const action: fc.Arbitrary<Tokens> = fc.oneof(
  stageName.map((stage) => ["open", stage]),
  stageName.map((stage) => ["close", stage]),
  fc.tuple(stageName, fc.boolean(), fc.boolean()).map(([stage, back, as]) => [
    "move",
    "to",
    stage,
    ...(back ? ["allow", "back"] : []),
    ...(as ? ["as", '"alice@solar.example"'] : []),
  ]),
  fc.constantFrom(["move", "lead", "to", '"Contacted"']),
  fc.tuple(recipient, fc.option(recipient, { nil: undefined })).map(([to, cc]) => [
    "send",
    "email",
    '"Docs reminder"',
    "to",
    ...to,
    ...(cc ? ["cc", ...cc] : []),
  ]),
  recipient.map((to) => ["send", "sms", '"Reminder"', "to", ...to]),
  fc.option(recipient, { nil: undefined }).map((owner) => ["create", "task", '"Call back"', ...(owner ? ["for", ...owner] : [])]),
  fc.constantFrom(["create", "activity", "call", '"Call about {title}"'], ["create", "activity", "meeting", '"tab\\there"']),
  fc.constantFrom([], ["round", "robin"], ["least", "loaded"]).map((strategy) => ["assign", "installer", "from", "installers", ...strategy]),
  numeric.map((value) => ["set", "amount", "=", ...value]),
  fc.constantFrom(["set", "contact.name", "=", "title"], ["set", "contact.phone", "=", "none"]),
  fc.constantFrom(["create", "deal", "with", "{", "title", ":", '"x"', "stage", ":", '"Won"', "}"]),
  fc.constantFrom(["generate", "report", '"Offer"'], ["generate", "report", '"Offer"', "and", "email", '"Docs reminder"', "to", "contact"]),
  fc.constantFrom(["request", "signature", '"Offer"', "from", "contact"]),
  recipient.map((to) => ["notify", ...to, '"Look at {title}, {contact.name}"']),
);

/** One rule; a named one is called `… #`, for the caller to number (rule names are unique). */
export const rule: fc.Arbitrary<string> = fc
  .record({
    name: fc.option(fc.constantFrom("Welcome", 'Docs \\"reminder\\"', "ünïcode ✓"), { nil: undefined }),
    subject,
    delay: fc.option(delay, { nil: undefined }),
    condition: fc.option(condition, { nil: undefined }),
    changeCondition: fc.option(changeCondition, { nil: undefined }),
    actions: fc.array(action, { minLength: 1, maxLength: 3 }),
    arrow: fc.boolean(),
  })
  .chain(({ name, subject: { tokens, stage, readsChange }, delay: after, condition: plain, changeCondition, actions, arrow }) => {
    const when = readsChange ? changeCondition : plain;
    const header: Tokens = [
      // `#` is numbered per file below: rule names must be unique.
      ...(name ? ["rule", `"${name} #"`, ":"] : []),
      ...tokens,
      // Schedules are generated only for `stage … open`, where they mean something.
      ...(after && stage && tokens.at(-1) === "open" ? after : []),
      ...(when ? ["when", ...when] : []),
    ];
    const body: Tokens = arrow && actions.length === 1 ? ["->", ...actions[0]!] : ["{", ...actions.flat(), "}"];
    return join([...header, ...body]);
  });

/** A workflow with goals and waits (`wait D [at HH:MM] [within working hours]`) among its steps; named `Flow #`. */
export const workflow: fc.Arbitrary<string> = fc
  .record({
    goals: fc.array(condition, { maxLength: 2 }),
    steps: fc.array(fc.oneof(delay.map((after) => ["wait", ...after.slice(1)]), action), { minLength: 1, maxLength: 3 }),
    goalFirst: fc.boolean(),
  })
  .chain(({ goals, steps, goalFirst }) => {
    const exits = goals.flatMap((goal) => ["exit", "when", ...goal]);
    const enroll = ["enroll", "on", "deal", "created"];
    return join(["workflow", '"Flow #"', "{", ...(goalFirst ? [...exits, ...enroll] : [...enroll, ...exits]), ...steps.flat(), "}"]);
  });

/** A whole rule file: rules and workflows separated by line breaks, blank lines and comments. */
export const ruleFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "// header comment\n\n", "\n\n"),
    fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: rule }, { weight: 1, arbitrary: workflow }), fc.constantFrom("\n", "\n\n", "\n\n\n", "\n// between rules\n", "  // after\n\n")), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.constantFrom("", "// the end\n"),
  )
  .map(([head, rules, tail]) => {
    let count = 0;
    const body = rules.map(([text, gap]) => text.replace(/ #"/, () => ` ${++count}"`) + gap).join("");
    return head + body + tail;
  });

/**
 * Any valid file with its layout scrambled: its tokens (comments dropped)
 * rejoined with random whitespace, line breaks and comments. The grammar is
 * not line-sensitive, so the result parses to the same tree.
 */
export function respaced(tokens: readonly string[]): fc.Arbitrary<string> {
  return join(tokens);
}
