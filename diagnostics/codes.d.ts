import type { Severity } from "./diagnostic";
export type Category = "syntax" | "names" | "types" | "templates" | "time" | "workflows" | "flow" | "tests" | "input" | "runtime" | "internal";
export interface CodeInfo {
    severity: Severity;
    category: Category;
    /** A few words: the heading of the code in docs/diagnostics.md. */
    title: string;
    /** When it is reported, in the docs' words (Markdown). */
    about?: string;
    /** Rules (or input lines) that get it, with the message in a comment or as `output`. */
    example: string;
    /** What `stagecraft` prints for `example`, when the example is a whole file. */
    output?: string;
}
export declare const codes: {
    readonly SC0001: {
        readonly severity: "error";
        readonly category: "syntax";
        readonly title: "the text cannot be split into words";
        readonly about: "An unexpected character, a string that is not closed before the end of its line,\nor an unknown escape inside a string. The parser still reads a broken string as a\nstring (text in curly quotes too), so the rest of the item is checked normally. Strings accept `\\\"`, `\\\\`,\n`\\n`, `\\t` and `\\u{1F600}` (1–6 hex digits); text goes in double quotes, single\nquotes are not strings, and comments start with `//`.";
        readonly example: "on deal created # -> open \"Validation\"\ntemplate sms \"Reminder\" \"Your appointment is tomorrow\ntemplate sms \"Path\" \"C:\\qtemp\"\non deal created when amount > 5 && title != \"\" -> open \"Validation\"\n/* a comment */\non deal created -> open “Validation”";
        readonly output: "solar.rules:1:17: error SC0001: unexpected character \"#\"\nsolar.rules:2:25: error SC0001: this string is not closed: add a \" before the end of the line\nsolar.rules:3:21: error SC0001: unknown escape \\q in a string: use \\\" \\\\ \\n \\t or \\u{hex}\nsolar.rules:4:33: error SC0001: unexpected characters \"&&\": write and\nsolar.rules:5:1: error SC0001: unexpected characters \"/* a comment */\": write // for a comment (to the end of the line)\nsolar.rules:6:25: error SC0001: curly quotes are not quotes: write \"Validation\" in straight double quotes";
    };
    readonly SC0002: {
        readonly severity: "error";
        readonly category: "syntax";
        readonly title: "expected something else here";
        readonly about: "The words are fine but not in an order the language allows. The message says what\nwas expected, after which word, and what was found instead; a spelling from\nanother language (`=`, `&&`, `||`, `!`, `<>`, `AND`, `On`, `null`, `True`) is\nanswered with what Stagecraft writes instead.\n\nWhere the parser can repair the item by assuming one missing word (a `:`, a `}`,\na quoted name), it keeps the item and marks the invented part as missing, so later\nchecks skip it rather than report on it. An action, step, field or test statement\nit cannot read is left out, and the rest of its block is kept.";
        readonly example: "on deal stage Validation open -> open \"Scheduling\"\non deal stage \"Validation\" open send email \"Welcome\" to contact\non deal created when amount = 5 -> open \"Validation\"\non deal created when amount > 5 AND title != \"\" -> open \"Validation\"";
        readonly output: "solar.rules:1:15: error SC0002: expected a stage name in quotes after \"stage\", found \"Validation\"\nsolar.rules:2:33: error SC0002: expected \"->\" or \"{\" after the rule's subject, found \"send\"\nsolar.rules:3:29: error SC0002: expected \"->\" or \"{\" after the rule's subject, found \"=\" (write == to compare)\nsolar.rules:4:33: error SC0002: expected \"->\" or \"{\" after the rule's subject, found \"AND\" (keywords are lower case: write and)";
    };
    readonly SC0003: {
        readonly severity: "error";
        readonly category: "syntax";
        readonly title: "this part could not be read at all";
        readonly about: "Words outside any item, or left over after a complete item; they are skipped up to\nthe next line that starts an item (`on`, `rule`, `entity`, `workflow`, `template`,\n`team`, `event`, `calendar` or `test`), so a mistake costs at most the item it is in.\nAn item with a syntax error also ends at a later line that starts in the first\ncolumn with a plain name (`deal settings`, `On deal created`): that line is read\nas an item of its own, so its mistakes are reported too.";
        readonly example: "deal settings\non deal created -> move to \"New\" \"Validation\"\nOn deal created -> open \"Validation\"";
        readonly output: "solar.rules:1:1: error SC0003: expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test, found \"deal\"; skipped to the next declaration\nsolar.rules:2:34: error SC0003: the item ends before the quoted text \"Validation\"; skipped to the next declaration\nsolar.rules:3:1: error SC0003: expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test, found \"On\" (keywords are lower case: write on); skipped to the next declaration";
    };
    readonly SC2001: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown entity";
        readonly about: "An entity name in a subject, in `create X`, or a field type that is neither a\nfield type nor an entity.";
        readonly example: "on dael created -> create task \"Call back\"      // Unknown entity `dael`. Did you mean `deal`?";
    };
    readonly SC2002: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown field";
        readonly about: "A field path that does not resolve on the rule's record (or goes through a field\nthat is not a reference), or a `create X with { f: … }` field that X lacks.";
        readonly example: "on deal created when amout > 10 -> …           // Unknown field `amout` of `deal`. Did you mean `amount`?";
    };
    readonly SC2003: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown stage";
        readonly about: "A stage name that is not in the pipeline where it is used (subject, `open`,\n`close`, `move`, `is open`, `stage == \"S\"`).";
        readonly example: "on deal stage \"Nwe\" open -> …                  // Unknown stage \"Nwe\" of `deal`. Did you mean \"New\"?";
    };
    readonly SC2004: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "ambiguous stage";
        readonly about: "An entity-less `on stage \"S\"` where S belongs to several entities.";
        readonly example: "on stage \"Validation\" open -> …                // … belongs to several entities (`deal`, `installation`); say which";
    };
    readonly SC2005: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown template";
        readonly example: "send email \"Docs reminer\" to contact           // Unknown email template \"Docs reminer\". Did you mean \"Docs reminder\"?";
    };
    readonly SC2006: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown team";
        readonly example: "assign installer from instalers                // Unknown team `instalers`. Did you mean `installers`?";
    };
    readonly SC2007: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown event";
        readonly example: "on deal invoice.payed -> …                     // Unknown event \"invoice.payed\" … Did you mean \"invoice.paid\"?";
    };
    readonly SC2008: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown event field";
        readonly example: "on deal invoice.paid when event.amont > 5 -> … // The event invoice.paid has no field `amont`. Did you mean `amount`?";
    };
    readonly SC2009: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "event field outside an event rule";
        readonly about: "`event.x` is only readable in rules on an activity event.";
        readonly example: "on deal created when event.amount > 5 -> …";
    };
    readonly SC2010: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown enum value";
        readonly example: "when channel in [web, fax]                     // `fax` is not a value of enum(web, phone, partner).";
    };
    readonly SC2011: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown function";
        readonly example: "when changd(amount)                            // Unknown function `changd`. Did you mean `changed`?";
    };
    readonly SC2012: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "unknown template kind";
        readonly example: "template letter \"Hi\" \"Hello\"                   // expected one of email, sms, task, report";
    };
    readonly SC2101: {
        readonly severity: "error";
        readonly category: "names";
        readonly title: "duplicate declaration";
        readonly about: "Entities, teams, events (also the stdlib's), rule, workflow and test names once\neach; templates once per kind; fields, stages and enum values once per owner; one\ncalendar. The place of the first declaration is given with its file's path as\ngiven, folder included.";
        readonly example: "entity deal { … }\nentity deal { … }                              // Duplicate entity \"deal\": already declared at rules/a.rules:1.";
    };
    readonly SC2201: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "condition is not true or false";
        readonly about: "`when`, `becomes`, `if`, `wait until`, `enroll … when`.";
        readonly example: "on deal created when amount -> …               // The `when` condition must be true or false, but this is money";
    };
    readonly SC2202: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "incomparable values";
        readonly example: "when amount == \"lots\"                          // Cannot compare money with text.";
    };
    readonly SC2203: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "logic on a value that is not true or false";
        readonly example: "when amount > 5 and title                      // `and` takes true/false operands, but this is text.";
    };
    readonly SC2204: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "arithmetic on a value that is not a number";
        readonly example: "when title + 1 > 5                             // `+` takes numbers or money, but this is text.";
    };
    readonly SC2205: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "ordering of unordered values";
        readonly example: "when channel > web                             // `>` needs ordered values …";
    };
    readonly SC2206: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "`in` list item of the wrong type";
        readonly example: "when amount in [1, \"two\"]                      // This `in` list item is text, but the value tested is money.";
    };
    readonly SC2207: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "value does not fit the field";
        readonly about: "`set f = v` and `create X with { f: v }`.";
        readonly example: "set title = 5                                  // `title` is text, but this value is number.";
    };
    readonly SC2208: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "bad function arguments";
        readonly about: "Wrong count, wrong type, or `changed`/`previous` of something that is not a field of the record.";
        readonly example: "when len(amount) > 3                           // The argument 1 of len() must be text or email or phone, not money.";
    };
    readonly SC2209: {
        readonly severity: "error";
        readonly category: "types";
        readonly title: "`changed`/`previous` without a triggering change";
        readonly about: "Only rules on `created`, `updated` or `becomes` (and `enroll on` conditions of those) have a change to read.";
        readonly example: "on deal stage \"New\" open when changed(amount) -> …";
    };
    readonly SC2301: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "template of the wrong kind";
        readonly example: "send email \"Reminder\" to contact               // Template \"Reminder\" is an sms template, but this action needs an email template.";
    };
    readonly SC2302: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "placeholder that is not a field path";
        readonly about: "Every `{path}` of a template must be a field path of the record of every rule\nthat sends it (and every `{path}` of a `notify` or `create activity` text a field\npath of its rule's record). A template's bad placeholder is reported once, at the\nfield it gets wrong in the template, naming the records it is sent for; a\n`notify` text's at the text.";
        readonly example: "template sms \"Ping\" \"Hi {contact.nme}\"         // Template \"Ping\" (text) uses {contact.nme}, but `nme` is not a field of `contact` (sent by a rule on `deal`); … Did you mean `name`?\non deal created -> send sms \"Ping\" to contact";
    };
    readonly SC2311: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "assign to a field that is not a user";
        readonly example: "assign title from installers                   // `assign` sets a user field, but `title` is text.";
    };
    readonly SC2312: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "stage of another entity";
        readonly about: "`open`/`close`/`move` only reach the stages of the record they act on.";
        readonly example: "on deal created -> open \"Scheduling\"           // Stage \"Scheduling\" belongs to `installation`, not to `deal` …";
    };
    readonly SC2313: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "stage action without a pipeline";
        readonly example: "on contact created -> open \"New\"               // `open` needs a pipeline, but `contact` has none …";
    };
    readonly SC2314: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "move on a parallel pipeline";
        readonly example: "on installation created -> move to \"Validation\"   // … use `open \"Validation\"` (and `close`) instead.";
    };
    readonly SC2315: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "not a recipient";
        readonly about: "Recipients are a quoted user, `responsible`, a user/email/phone field, or a reference to a record with an email or phone field.";
        readonly example: "send sms \"Reminder\" to amount                  // `amount` is money, not a recipient …";
    };
    readonly SC2316: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "move target is not a reference";
        readonly example: "move title to \"Won\"                            // `move title to …` needs a reference to a record, but `title` is text.";
    };
    readonly SC2317: {
        readonly severity: "error";
        readonly category: "templates";
        readonly title: "field that `set` cannot change";
        readonly about: "`set` changes a field of the rule's own record; never `id`; the stage only through `open`/`close`/`move`.";
        readonly example: "set stage = \"Won\"                              // `set` cannot change `stage`: use `move to \"S\"` or `open \"S\"` …";
    };
    readonly SC2401: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "duration not positive";
        readonly about: "The message names the word the duration belongs to (`after`, `wait`, `timeout`, `due`).";
        readonly example: "on deal stage \"New\" open after 0 days -> …     // A duration must be positive, but this is 0 days; drop `after` to act at once.\nwait until amount > 5 timeout 0 days          // A `timeout` must be positive, but this is 0 days; drop the `timeout` to wait without end.";
    };
    readonly SC2402: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "unknown time zone";
        readonly example: "calendar { timezone \"Europe/Rom\" }             // … Did you mean \"Europe/Rome\"?";
    };
    readonly SC2403: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "bad weekday";
        readonly example: "calendar { workdays mon fry }                  // `fry` is not a weekday … Did you mean `fri`?";
    };
    readonly SC2404: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "working hours end before they start";
        readonly example: "calendar { hours 18:00..09:00 }";
    };
    readonly SC2405: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "bad time of day";
        readonly example: "after 1 day at 25:00                           // 25:00 is not a time of day; expected 00:00 to 23:59.";
    };
    readonly SC2406: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "bad date";
        readonly example: "holiday 2026-02-30                             // 2026-02-30 is not a date …";
    };
    readonly SC2407: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "team member is not a user";
        readonly example: "team installers { \"ana@solar.example\" \"bo b\" }";
    };
    readonly SC2408: {
        readonly severity: "error";
        readonly category: "time";
        readonly title: "duration longer than a hundred years";
        readonly about: "Almost always a typo; the due time would not be a representable date.";
        readonly example: "on deal stage \"New\" open after 99999999 days -> …   // at most 36600 days are allowed";
    };
    readonly SC2501: {
        readonly severity: "error";
        readonly category: "workflows";
        readonly title: "bad `per`";
        readonly about: "`per X`: X is the enrolling entity itself or a reference field of it.";
        readonly example: "workflow \"W\" per installer { enroll on deal updated … }   // `per installer` needs `installer` to be `deal` itself or a reference field of it.";
    };
    readonly SC2502: {
        readonly severity: "error";
        readonly category: "workflows";
        readonly title: "enrollments on different entities";
        readonly example: "workflow \"W\" { enroll on deal updated  enroll on contact updated … }";
    };
    readonly SC2503: {
        readonly severity: "error";
        readonly category: "workflows";
        readonly title: "workflow without enrollment";
        readonly example: "workflow \"W\" { send sms \"Reminder\" to contact }";
    };
    readonly SC2601: {
        readonly severity: "warning";
        readonly category: "flow";
        readonly title: "rules that re-trigger each other without end";
        readonly about: "Built from what each rule's actions can cause: `open`/`close`/`move` fire stage\nrules, `set`/`assign` fire `updated` (filtered by a required `changed(f)`) and\n`becomes`, `create X` fires `X created`. Strongly connected components of that\ngraph. A move to the stage the rule's own trigger has just opened changes nothing\n(SC2604) and is no edge of the graph.";
        readonly example: "on deal stage \"New\" open -> open \"Validation\"\non deal stage \"Validation\" open -> open \"New\"\n// Rules can re-trigger each other without end: \"a.rules:1\" → deal stage \"Validation\" open → \"a.rules:2\" → deal stage \"New\" open → \"a.rules:1\".";
    };
    readonly SC2602: {
        readonly severity: "warning";
        readonly category: "flow";
        readonly title: "never fires";
        readonly about: "A `when`/`enroll … when`/`if` condition that is always false, or a `becomes` condition that reads no field.";
        readonly example: "on deal created when 1 > 2 -> …";
    };
    readonly SC2603: {
        readonly severity: "warning";
        readonly category: "flow";
        readonly title: "move that never happens";
        readonly about: "Moves are forward-only without `allow back`: a `move to` the first stage, or from\na rule on `stage \"S\" open` to a stage before S, can never move the record.";
        readonly example: "on deal invoice.paid -> move to \"New\"\non deal stage \"Validation\" open -> move to \"New\"   // … comes before \"Validation\", the stage this rule runs in …";
    };
    readonly SC2604: {
        readonly severity: "warning";
        readonly category: "flow";
        readonly title: "move to the stage that is already open";
        readonly about: "A rule on `stage \"S\" open` that moves its own record to S changes nothing: S is\nalready open.";
        readonly example: "on deal stage \"Validation\" open -> move to \"Validation\"   // … does nothing: \"Validation\" is already open when this rule runs.";
    };
    readonly SC2701: {
        readonly severity: "error";
        readonly category: "tests";
        readonly title: "bad record";
        readonly example: "at 2026-01-01T09:00Z \"dael/S1\" created         // Unknown record type `dael` in \"dael/S1\". Did you mean `deal`?";
    };
    readonly SC2702: {
        readonly severity: "error";
        readonly category: "tests";
        readonly title: "unknown event type";
        readonly example: "at 2026-01-01T09:00Z \"deal/S1\" invoice.payed";
    };
    readonly SC2703: {
        readonly severity: "error";
        readonly category: "tests";
        readonly title: "bad datetime";
        readonly example: "at 2026-01-01T25:00Z \"deal/S1\" created";
    };
    readonly SC2704: {
        readonly severity: "error";
        readonly category: "tests";
        readonly title: "unknown output type";
        readonly example: "expect email.sent \"deal/S1\"                    // Rules never output \"email.sent\" … Did you mean \"email.send\"?";
    };
    readonly SC3001: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "not valid JSON";
        readonly example: "events.jsonl:7: error SC3001: not valid JSON (Expected ',' or '}' after property value in JSON at position 10)";
    };
    readonly SC3002: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "missing field";
        readonly about: "`id`, `at`, `entity` and `type` are required; stage events need `data.stage`.";
        readonly example: "events.jsonl:7: error SC3002: missing \"type\"";
    };
    readonly SC3003: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "ill-typed field";
        readonly example: "events.jsonl:7: error SC3003: \"at\" must be a string, got number 12";
    };
    readonly SC3004: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "unknown entity type";
        readonly example: "events.jsonl:7: error SC3004: unknown entity type \"dael\" (did you mean \"deal\"? expected one of: \"contact\", \"deal\")";
    };
    readonly SC3005: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "unknown event type";
        readonly example: "events.jsonl:7: error SC3005: unknown event type \"invoice.payed\" (did you mean \"invoice.paid\"? expected one of: …)";
    };
    readonly SC3006: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "unknown stage";
        readonly example: "events.jsonl:7: error SC3006: unknown stage \"Validaton\" for deal (did you mean \"Validation\"? expected one of: …)";
    };
    readonly SC3007: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "unknown data field";
        readonly example: "events.jsonl:7: error SC3007: unknown field \"amout\" for deal (did you mean \"amount\"? …)";
    };
    readonly SC3008: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "data of the wrong type";
        readonly example: "events.jsonl:7: error SC3008: field \"amount\" of deal must be a number, got \"12\"";
    };
    readonly SC3009: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "time goes backward";
        readonly example: "events.jsonl:7: error SC3009: time 2025-12-31T10:00:00Z is earlier than the previous event's 2026-01-06T10:00:00+01:00; events must be in time order";
    };
    readonly SC3010: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "duplicate id";
        readonly about: "Every input event needs its own id: outputs derive their ids from it.";
        readonly example: "events.jsonl:9: error SC3010: duplicate id \"e1\": line 1 already used it; every event needs its own id";
    };
    readonly SC3011: {
        readonly severity: "error";
        readonly category: "input";
        readonly title: "id in the form of an output id";
        readonly about: "`t<number>` names timers and `<id>.<number>` derived events; an input id of those\nforms could make two ids of one run equal.";
        readonly example: "events.jsonl:1: error SC3011: id \"t1\" has the form of an output id (t<number> for timers, <id>.<number> for derived events); choose another, e.g. \"et1\"";
    };
    readonly SC4001: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "endless cascade";
        readonly about: "Derived events fed each other past the bound (100); the message names the chain of\nrules. The checker warns about such cycles ahead of time (SC2601).";
        readonly example: "stagecraft: events.jsonl:1 (event e1): runtime error SC4001: cascade deeper than 100 derived events; the rules feed each other: to B -> to A";
    };
    readonly SC4002: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "event earlier than the previous one";
        readonly about: "Only reachable through the API (the CLI reports SC3009 first).";
        readonly example: "engine.process(event) // event \"e2\" at 2026-01-01T08:00:00Z is earlier than the previous time 2026-01-02T08:00:00Z";
    };
    readonly SC4003: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "unknown function";
        readonly about: "An IR from a newer compiler called a function this runtime does not have.";
        readonly example: "engine.process(event) // unknown function \"soundex\"";
    };
    readonly SC4004: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "snapshot does not fit";
        readonly about: "A snapshot from another program or version was given to `createEngine`.";
        readonly example: "createEngine(program, { snapshot }) // the snapshot is version 1; this runtime reads version 2";
    };
    readonly SC4005: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "invalid time";
        readonly about: "Only reachable through the API: an event's `at`, or the time `advanceTo` is given,\nis not an ISO 8601 time (the CLI reports SC3003 first).";
        readonly example: "engine.advanceTo(\"tomorrow\") // invalid time \"tomorrow\"";
    };
    readonly SC4006: {
        readonly severity: "error";
        readonly category: "runtime";
        readonly title: "not a record reference";
        readonly about: "Only reachable through the API: an event's `entity` is not `type/id` (the CLI\nreports SC3003 first).";
        readonly example: "engine.process({ id: \"e1\", entity: \"deal\", … }) // event \"e1\": \"deal\" is not a type/id reference";
    };
    readonly SC9999: {
        readonly severity: "error";
        readonly category: "internal";
        readonly title: "internal error";
        readonly about: "A failure of Stagecraft itself, never of the rules or the events: the parser, the\nchecker, the lowering or the formatter failed on this input. It is reported at\nthe file's start like any diagnostic (never as a stack trace, never hidden), the\ncommand fails, and the message says how to report it. Never expected, so no\ngolden test can produce it; a unit test forces it.";
        readonly example: "solar.rules:1:1: error SC9999: Internal error in the checker: Cannot read properties of undefined (reading 'name'). This is a bug in Stagecraft, not in your input; please report it with the files you gave and this message.";
    };
};
export type Code = keyof typeof codes;
