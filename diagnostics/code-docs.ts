// What docs/diagnostics.md says of each code of the table (codes.ts): when it is
// reported and an example. Only the docs generator reads it; `Record<Code, …>`
// makes a code without docs, or docs of no code, a type error.
import type { Code } from "./codes";

export interface CodeDocs {
  /** When it is reported, in the docs' words (Markdown). */
  about?: string;
  /** Rules (or input lines) that get it, with the message in a comment or as `output`. */
  example: string;
  /** What `stagecraft` prints for `example`, when the example is a whole file. */
  output?: string;
}

export const codeDocs: Record<Code, CodeDocs> = {
  SC1001: {
    about: `The path does not exist, is a folder without \`.rules\` files, cannot be read, is
not UTF-8 text (UTF-16, Latin-1) or is an events file given as rules. Text output:
\`stagecraft: message\` on stderr; \`check --format json\` prints it as a diagnostic
of the file (at the line and column where the encoding goes wrong, else 1:1).`,
    example: `stagecraft: cannot read rules file rules/solar.rules: it is UTF-16 text, and Stagecraft reads UTF-8. Convert it, e.g. \`iconv -f UTF-16 -t UTF-8 rules/solar.rules > utf8-solar.rules\`
stagecraft: events.jsonl is an events file (JSON Lines), not rules: give it with --events, e.g. \`stagecraft run rules/ --events events.jsonl\``,
  },
  SC0001: {
    about: `An unexpected character, a string that is not closed before the end of its line,
or an unknown escape inside a string. The parser still reads a broken string as a
string (text in curly quotes too), so the rest of the item is checked normally. Strings accept \`\\"\`, \`\\\\\`,
\`\\n\`, \`\\t\` and \`\\u{1F600}\` (1–6 hex digits); text goes in double quotes, single
quotes are not strings, and comments start with \`//\`.`,
    example: `on deal created # -> open "Validation"
template sms "Reminder" "Your appointment is tomorrow
template sms "Path" "C:\\qtemp"
on deal created when amount > 5 && title != "" -> open "Validation"
/* a comment */
on deal created -> open “Validation”`,
    output: `solar.rules:1:17: error SC0001: unexpected character "#"
solar.rules:2:25: error SC0001: this string is not closed: add a " before the end of the line
solar.rules:3:21: error SC0001: unknown escape \\q in a string: use \\" \\\\ \\n \\t or \\u{hex}
solar.rules:4:33: error SC0001: unexpected characters "&&": write and
solar.rules:5:1: error SC0001: unexpected characters "/* a comment */": write // for a comment (to the end of the line)
solar.rules:6:25: error SC0001: curly quotes are not quotes: write "Validation" in straight double quotes`,
  },
  SC0002: {
    about: `The words are fine but not in an order the language allows. The message says what
was expected, after which word, and what was found instead; a spelling from
another language (\`=\`, \`&&\`, \`||\`, \`!\`, \`<>\`, \`AND\`, \`On\`, \`null\`, \`True\`) is
answered with what Stagecraft writes instead.

Where the parser can repair the item by assuming one missing word (a \`:\`, a \`}\`,
a quoted name), it keeps the item and marks the invented part as missing, so later
checks skip it rather than report on it. An action, step, field or test statement
it cannot read is left out, and the rest of its block is kept.`,
    example: `on deal stage Validation open -> open "Scheduling"
on deal stage "Validation" open send email "Welcome" to contact
on deal created when amount = 5 -> open "Validation"
on deal created when amount > 5 AND title != "" -> open "Validation"`,
    output: `solar.rules:1:15: error SC0002: expected a stage name in quotes after "stage", found "Validation"
solar.rules:2:33: error SC0002: expected "->" or "{" after the rule's subject, found "send"
solar.rules:3:29: error SC0002: expected "->" or "{" after the rule's subject, found "=" (write == to compare)
solar.rules:4:33: error SC0002: expected "->" or "{" after the rule's subject, found "AND" (keywords are lower case: write and)`,
  },
  SC0003: {
    about: `Words outside any item, or left over after a complete item; they are skipped up to
the next line that starts an item (\`on\`, \`rule\`, \`entity\`, \`workflow\`, \`template\`,
\`team\`, \`event\`, \`calendar\` or \`test\`), so a mistake costs at most the item it is in.
An item with a syntax error also ends at a later line that starts in the first
column with a plain name (\`deal settings\`, \`On deal created\`): that line is read
as an item of its own, so its mistakes are reported too.`,
    example: `deal settings
on deal created -> move to "New" "Validation"
On deal created -> open "Validation"`,
    output: `solar.rules:1:1: error SC0003: expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test, found "deal"; skipped to the next declaration
solar.rules:2:34: error SC0003: the item ends before the quoted text "Validation"; skipped to the next declaration
solar.rules:3:1: error SC0003: expected a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test, found "On" (keywords are lower case: write on); skipped to the next declaration`,
  },
  SC2001: {
    about: `An entity name in a subject, in \`create X\`, or a field type that is neither a
field type nor an entity.`,
    example: `on dael created -> create task "Call back"      // Unknown entity \`dael\`. Did you mean \`deal\`?`,
  },
  SC2002: {
    about: `A field path that does not resolve on the rule's record (or goes through a field
that is not a reference), or a \`create X with { f: … }\` field that X lacks.`,
    example: `on deal created when amout > 10 -> …           // Unknown field \`amout\` of \`deal\`. Did you mean \`amount\`?`,
  },
  SC2003: {
    about: `A stage name that is not in the pipeline where it is used (subject, \`open\`,
\`close\`, \`move\`, \`is open\`, \`stage == "S"\`).`,
    example: `on deal stage "Nwe" open -> …                  // Unknown stage "Nwe" of \`deal\`. Did you mean "New"?`,
  },
  SC2004: {
    about: `An entity-less \`on stage "S"\` where S belongs to several entities.`,
    example: `on stage "Validation" open -> …                // … belongs to several entities (\`deal\`, \`installation\`); say which`,
  },
  SC2005: {
    example: `send email "Docs reminer" to contact           // Unknown email template "Docs reminer". Did you mean "Docs reminder"?`,
  },
  SC2006: {
    example: `assign installer from instalers                // Unknown team \`instalers\`. Did you mean \`installers\`?`,
  },
  SC2007: {
    example: `on deal invoice.payed -> …                     // Unknown event "invoice.payed" … Did you mean "invoice.paid"?`,
  },
  SC2008: {
    example: `on deal invoice.paid when event.amont > 5 -> … // The event invoice.paid has no field \`amont\`. Did you mean \`amount\`?`,
  },
  SC2009: {
    about: `\`event.x\` is only readable in rules on an activity event.`,
    example: `on deal created when event.amount > 5 -> …`,
  },
  SC2010: {
    example: `when channel in [web, fax]                     // \`fax\` is not a value of enum(web, phone, partner).`,
  },
  SC2011: {
    example: `when changd(amount)                            // Unknown function \`changd\`. Did you mean \`changed\`?`,
  },
  SC2012: {
    example: `template letter "Hi" "Hello"                   // expected one of email, sms, task, report`,
  },
  SC2101: {
    about: `Entities, teams, events (also the stdlib's), rule, workflow and test names once
each; templates once per kind; fields, stages and enum values once per owner; one
calendar. The place of the first declaration is given with its file's path as
given, folder included.`,
    example: `entity deal { … }
entity deal { … }                              // Duplicate entity "deal": already declared at rules/a.rules:1.`,
  },
  SC2201: {
    about: `\`when\`, \`becomes\`, \`if\`, \`wait until\`, \`enroll … when\`.`,
    example: `on deal created when amount -> …               // The \`when\` condition must be true or false, but this is money`,
  },
  SC2202: {
    example: `when amount == "lots"                          // Cannot compare money with text.`,
  },
  SC2203: {
    example: `when amount > 5 and title                      // \`and\` takes true/false operands, but this is text.`,
  },
  SC2204: {
    about: `Text is not added up: a text built from values is a quoted text with
placeholders (\`set note = "{title} for {contact.name}"\`), which the message suggests
when \`+\` meets text.`,
    example: `when title + 1 > 5                             // \`+\` takes numbers or money, but this is text. Text is built from values with placeholders in a quoted text, e.g. "{title} for {contact.name}".`,
  },
  SC2205: {
    example: `when channel > web                             // \`>\` needs ordered values …`,
  },
  SC2206: {
    example: `when amount in [1, "two"]                      // This \`in\` list item is text, but the value tested is money.`,
  },
  SC2207: {
    about: `\`set f = v\` and \`create X with { f: v }\`.`,
    example: `set title = 5                                  // \`title\` is text, but this value is number.`,
  },
  SC2208: {
    about: `Wrong count, wrong type, or \`changed\`/\`previous\` of something that is not a field of the record.`,
    example: `when len(amount) > 3                           // The argument 1 of len() must be text or email or phone, not money.`,
  },
  SC2209: {
    about: `Only rules on \`created\`, \`updated\` or \`becomes\` (and \`enroll on\` conditions of those) have a change to read.`,
    example: `on deal stage "New" open when changed(amount) -> …`,
  },
  SC2301: {
    example: `send email "Reminder" to contact               // Template "Reminder" is an sms template, but this action needs an email template.`,
  },
  SC2302: {
    about: `Every \`{path}\` of a template must be a field path of the record of every rule
that sends it (and every \`{path}\` of a \`notify\` or \`create activity\` text a field
path of its rule's record). A template's bad placeholder is reported once, at the
field it gets wrong in the template, naming the records it is sent for; a
\`notify\` text's at the text.`,
    example: `template sms "Ping" "Hi {contact.nme}"         // Template "Ping" (text) uses {contact.nme}, but \`nme\` is not a field of \`contact\` (sent by a rule on \`deal\`); … Did you mean \`name\`?
on deal created -> send sms "Ping" to contact`,
  },
  SC2303: {
    about: `A placeholder may give the text that replaces an empty value after \`|\`:
\`{contact.name|'there'}\`. The default is text in single quotes (or in double
quotes, escaped inside a quoted text: \`{contact.name|\\"there\\"}\`); a bare word,
a number or nothing after \`|\` is reported, in templates and in \`notify\`,
\`create activity\`, \`set\` and \`create … with\` texts alike.`,
    example: `template sms "Ping" "Hi {contact.name|there}"   // Template "Ping" (text) gives {contact.name|there} a default that is not quoted text (\`there\`); a default is text in quotes, e.g. {contact.name|'there'}.`,
  },
  SC2311: {
    example: `assign title from installers                   // \`assign\` sets a user field, but \`title\` is text.`,
  },
  SC2312: {
    about: `\`open\`/\`close\`/\`move\` only reach the stages of the record they act on.`,
    example: `on deal created -> open "Scheduling"           // Stage "Scheduling" belongs to \`installation\`, not to \`deal\` …`,
  },
  SC2313: {
    example: `on contact created -> open "New"               // \`open\` needs a pipeline, but \`contact\` has none …`,
  },
  SC2314: {
    example: `on installation created -> move to "Validation"   // … use \`open "Validation"\` (and \`close\`) instead.`,
  },
  SC2315: {
    about: `Recipients are a quoted user, \`responsible\`, a user/email/phone field, or a reference to a record with an email or phone field.`,
    example: `send sms "Reminder" to amount                  // \`amount\` is money, not a recipient …`,
  },
  SC2316: {
    example: `move title to "Won"                            // \`move title to …\` needs a reference to a record, but \`title\` is text.`,
  },
  SC2317: {
    about: `\`set\` changes a field of the rule's record, or of a record it refers to (\`set contact.vip = true\`); never \`id\`; the stage only through \`open\`/\`close\`/\`move\`.`,
    example: `set stage = "Won"                              // \`set\` cannot change \`stage\`: use \`move to "S"\` or \`open "S"\` …`,
  },
  SC2318: {
    about: `\`for each deal of contact { … }\` runs on the deals whose reference field refers to the rule's record: \`of\` names the rule's entity, and the entity needs exactly one reference field to it, or \`by FIELD\` naming one.`,
    example: `for each deal of contact { … }                 // \`deal\` has several reference fields to \`contact\` (billing, contact); say which: \`for each deal by billing of contact\`.`,
  },
  SC2319: {
    about: `\`assign … where attribute == value\` picks among the team members whose attribute
equals the value. The attribute must be given to some member in the team declaration,
and each member's value of it must be comparable with the value (text with text, an
enum value with an enum field, numbers with numbers or money).`,
    example: `assign installer from installers where zone == region   // No member of team \`installers\` has the attribute \`zone\` …
assign installer from installers where region == amount // \`region\` of "ana@solar.example" is text, but the value it is matched with is money …`,
  },
  SC2401: {
    about: `The message names the word the duration belongs to (\`after\`, \`wait\`, \`timeout\`, \`due\`).`,
    example: `on deal stage "New" open after 0 days -> …     // A duration must be positive, but this is 0 days; drop \`after\` to act at once.
wait until amount > 5 timeout 0 days          // A \`timeout\` must be positive, but this is 0 days; drop the \`timeout\` to wait without end.`,
  },
  SC2402: {
    example: `calendar { timezone "Europe/Rom" }             // … Did you mean "Europe/Rome"?`,
  },
  SC2403: {
    example: `calendar { workdays mon fry }                  // \`fry\` is not a weekday … Did you mean \`fri\`?`,
  },
  SC2404: {
    about: `Also for hours that end when they start (\`09:00..09:00\`): they hold no working time.`,
    example: `calendar { hours 18:00..09:00 }`,
  },
  SC2405: {
    example: `after 1 day at 25:00                           // 25:00 is not a time of day; expected 00:00 to 23:59.`,
  },
  SC2406: {
    example: `holiday 2026-02-30                             // 2026-02-30 is not a date …`,
  },
  SC2407: {
    example: `team installers { "ana@solar.example" "bo b" }`,
  },
  SC2408: {
    about: `Almost always a typo; the due time would not be a representable date.`,
    example: `on deal stage "New" open after 99999999 days -> …   // at most 36600 days are allowed`,
  },
  SC2409: {
    about: `\`N business days\` (in a delay, a \`wait\`, a \`timeout\` or a task's \`due\`) and \`within
working hours\` need working days; a calendar whose \`workdays\` names no day has none,
and no business day would ever come. Each use is reported.`,
    example: `calendar { workdays }
on deal stage "New" open after 2 business days -> create task "Call back"   // \`2 business days\` needs working days, but the calendar's \`workdays\` names no day; …`,
  },
  SC2501: {
    about: `\`per X\`: X is the enrolling entity itself or a reference field of it.`,
    example: `workflow "W" per installer { enroll on deal updated … }   // \`per installer\` needs \`installer\` to be \`deal\` itself or a reference field of it.`,
  },
  SC2502: {
    example: `workflow "W" { enroll on deal updated  enroll on contact updated … }`,
  },
  SC2503: {
    example: `workflow "W" { send sms "Reminder" to contact }`,
  },
  SC2601: {
    about: `Built from what each rule's actions can cause: \`open\`/\`close\`/\`move\` fire stage
rules, \`set\`/\`assign\` fire \`updated\` (filtered by a required \`changed(f)\`) and
\`becomes\`, \`create X\` fires \`X created\`. Strongly connected components of that
graph. A move to the stage the rule's own trigger has just opened changes nothing
(SC2604) and is no edge of the graph.`,
    example: `on deal stage "New" open -> open "Validation"
on deal stage "Validation" open -> open "New"
// Rules can re-trigger each other without end: "a.rules:1" → deal stage "Validation" open → "a.rules:2" → deal stage "New" open → "a.rules:1".`,
  },
  SC2602: {
    about: `A \`when\`/\`enroll … when\`/\`if\` condition that is always false, or a \`becomes\` condition that reads no field.`,
    example: `on deal created when 1 > 2 -> …`,
  },
  SC2603: {
    about: `Moves are forward-only without \`allow back\`: a \`move to\` the first stage, or from
a rule on \`stage "S" open\` to a stage before S, can never move the record; nor can
one from a rule on a won or lost stage (a decided record moves only with \`allow back\`).`,
    example: `on deal invoice.paid -> move to "New"
on deal stage "Validation" open -> move to "New"   // … comes before "Validation", the stage this rule runs in …
on deal stage "Won" open -> move to "Lost"         // … this rule runs in "Won", a won stage, and a decided record moves only with \`allow back\`.`,
  },
  SC2604: {
    about: `A rule on \`stage "S" open\` that moves its own record to S changes nothing: S is
already open.`,
    example: `on deal stage "Validation" open -> move to "Validation"   // … does nothing: "Validation" is already open when this rule runs.`,
  },
  SC2610: {
    about: `An editor hint, not reported by \`stagecraft check\`: a rule without a name whose
actions fire another rule (it opens a stage another rule watches, sets a field an
\`updated\` or \`becomes\` rule reads, creates a record whose \`created\` rules run).
An unnamed rule's identity is a digest of what it does, so editing it makes it
another rule for pending timers, snapshots and version diffs; a name keeps it.
The quick fix inserts the suggested name.`,
    example: `on deal invoice.paid -> move to "Won"           // Name this rule: other rules react to what it does … e.g. \`rule "deal invoice.paid": …\`
on deal stage "Won" open -> send sms "Reminder" to contact`,
  },
  SC2701: {
    example: `at 2026-01-01T09:00Z "dael/S1" created         // Unknown record type \`dael\` in "dael/S1". Did you mean \`deal\`?`,
  },
  SC2702: {
    example: `at 2026-01-01T09:00Z "deal/S1" invoice.payed`,
  },
  SC2703: {
    example: `at 2026-01-01T25:00Z "deal/S1" created`,
  },
  SC2704: {
    example: `expect email.sent "deal/S1"                    // Rules never output "email.sent" … Did you mean "email.send"?`,
  },
  SC2705: {
    about: `A test with no \`expect\` line passes whatever the rules do: it checks only that its
events are valid.`,
    example: `test "Reminder" {                               // Test "Reminder" has no \`expect\`, so it passes whatever the rules do; …
  at 2026-01-01T09:00Z "deal/S1" created { title: "Roof", amount: 5, channel: "web", contact: "contact/C1" }
}`,
  },
  SC2706: {
    about: `An \`expect\` matches outputs whose data hold the keys given, so a key the output type
never carries makes \`expect\` fail always and \`expect no\` pass always. The keys of each
output type are in docs/contract.md ("Output of \`run\`"); \`created\` and \`updated\`
carry fields of the record (SC2002 for an unknown one).`,
    example: `expect email.send "deal/S1" { tempalte: "Docs reminder" }   // email.send outputs carry no \`tempalte\`; … Did you mean \`template\`?`,
  },
  SC2707: {
    about: `A value in an \`expect\` line that no output can hold: a field's value of another type,
or a number where a template, recipient, stage or text is compared.`,
    example: `expect updated "deal/S1" { amount: "lots" }      // \`amount\` of updated must be a number, got "lots".`,
  },
  SC2708: {
    about: `\`until\` fires the timers due up to then, after the last event: a time before the
last event fires nothing.`,
    example: `at 2026-01-05T09:00Z "deal/S1" stage.opened { stage: "Documentation pending" }
until 2026-01-01T00:00Z                         // \`until\` 2026-01-01T00:00Z is before the test's last event (2026-01-05T09:00Z), so no timer fires; …`,
  },
  SC2709: {
    about: `\`expect N …\` passes when exactly N outputs match: N is a whole number. A count
and an order (\`before\`) are two expectations, written on two lines.`,
    example: `expect 1.5 email.send "deal/S1"                 // \`expect 1.5\` counts outputs, so the count is a whole number, …
expect 2 email.send before stage.opened         // An \`expect\` counts outputs or orders them, not both: …`,
  },
  SC2710: {
    about: `\`by rule "R"\` matches the outputs rule R made, \`by workflow "W"\` those workflow W
made: R must be the name of a named rule (\`rule "R": on …\`; an unnamed rule has no
name a test can use), W that of a workflow.`,
    example: `expect email.send by rule "Welcom"               // No rule is named "Welcom". Did you mean "Welcome"?
expect email.send by rule "Nurture"              // "Nurture" is a workflow, not a rule: write \`by workflow "Nurture"\`.`,
  },
  SC3001: {
    example: `events.jsonl:7:11: error SC3001: not valid JSON: expected ',' or '}' after property value
events.jsonl:8:2: error SC3001: not valid JSON: expected property name or '}'; JSON Lines needs each event whole on one line (is this a pretty-printed event, split over several lines?)`,
  },
  SC3002: {
    about: `\`id\`, \`at\`, \`entity\` and \`type\` are required; stage events need \`data.stage\`; an
activity event needs every payload field its catalog entry (or \`event\` declaration)
does not mark optional.`,
    example: `events.jsonl:7: error SC3002: missing "type"
events.jsonl:8: error SC3002: missing "data.amount": event invoice.paid requires it (money)`,
  },
  SC3003: {
    example: `events.jsonl:7: error SC3003: "at" must be a string, got number 12
events.jsonl:8: error SC3003: "at" is "2026-02-30T08:00:00Z", which does not exist: February 2026 has 28 days`,
  },
  SC3004: {
    example: `events.jsonl:7: error SC3004: unknown entity type "dael" (did you mean "deal"? expected one of: "contact", "deal")`,
  },
  SC3005: {
    example: `events.jsonl:7: error SC3005: unknown event type "invoice.payed" (did you mean "invoice.paid"? expected one of: …)`,
  },
  SC3006: {
    example: `events.jsonl:7: error SC3006: unknown stage "Validaton" for deal (did you mean "Validation"? expected one of: …)`,
  },
  SC3007: {
    about: `A key of the event other than \`id\`, \`at\`, \`entity\`, \`type\` and \`data\`, or a data
field the record or event does not declare.`,
    example: `events.jsonl:7: error SC3007: unknown field "amout" for deal (did you mean "amount"? …)
events.jsonl:8: error SC3007: unknown key "dta" in the event (did you mean "data"? …)`,
  },
  SC3008: {
    example: `events.jsonl:7: error SC3008: field "amount" of deal must be a number, got "12"`,
  },
  SC3009: {
    example: `events.jsonl:7: error SC3009: time 2025-12-31T10:00:00Z is earlier than the previous event's 2026-01-06T10:00:00+01:00; events must be in time order`,
  },
  SC3010: {
    about: `Every input event needs its own id: outputs derive their ids from it.`,
    example: `events.jsonl:9: error SC3010: duplicate id "e1": line 1 already used it; every event needs its own id`,
  },
  SC3011: {
    about: `\`t<number>\` names timers and \`<id>.<number>\` derived events; an input id of those
forms could make two ids of one run equal.`,
    example: `events.jsonl:1: error SC3011: id "t1" has the form of an output id (t<number> for timers, <id>.<number> for derived events); choose another, e.g. "et1"`,
  },
  SC3012: {
    about: `A \`created\` line for a record that exists (a webhook delivered twice) would wipe its
stage, fields and timers. A record exists from the first line that mentions it until
a \`deleted\` line; after \`--resume\`, every record of the snapshot exists.`,
    example: `events.jsonl:5: error SC3012: record "deal/D1" already exists: line 2 created it; a second created would wipe its stage, fields and timers. Send updated for a change, or deleted first to create it anew`,
  },
  SC3021: {
    about: `With \`--strict\`, an event for a record that no \`created\` line made (or that a
\`deleted\` line removed) is refused; without it, such an event starts the record
empty. After \`--resume\`, every record of the snapshot exists.`,
    example: `events.jsonl:4: error SC3021: record "deal/D9" does not exist: no created line came before; with --strict every record is created before its other events (send created first, or run without --strict to start it empty)`,
  },
  SC3022: {
    about: `One object of the event writes the same key twice; JSON parsers keep only the
last value, so the event would run with a value the sender may not have meant.`,
    example: `events.jsonl:7: error SC3022: "data.title" is written twice in one object; JSON keeps only the last, so give it once`,
  },
  SC3013: {
    about: `An \`at\` more than 5 minutes ahead of the wall clock (status 400).`,
    example: `POST /v1/events → 400 {"error":{"code":"SC3013","message":"\\"at\\" 2026-01-02T09:00:00Z is more than 5 minutes ahead of the wall clock (2026-01-02T08:30:00.000Z); send events when they happen","line":2}}`,
  },
  SC3014: {
    about: `Over 1 MiB (status 413); send smaller batches.`,
    example: `POST /v1/events → 413 {"error":{"code":"SC3014","message":"the body is larger than 1048576 bytes (1 MiB); send the events in smaller batches"}}`,
  },
  SC3015: {
    about: `Neither \`application/x-ndjson\` nor \`application/json\` (status 415).`,
    example: `POST /v1/events → 415 {"error":{"code":"SC3015","message":"content type text/plain: send application/x-ndjson (JSON Lines) or application/json (an event or an array)"}}`,
  },
  SC3016: {
    about: `With \`--token-file\`, every route but \`/v1/health\` (status 401).`,
    example: `GET /v1/outputs → 401 {"error":{"code":"SC3016","message":"missing Authorization: Bearer <token>"}}`,
  },
  SC3017: {
    about: `An unknown route, a record no event created, or a webhook delivery that does not exist (status 404).`,
    example: `GET /v1/records/deal/NOPE → 404 {"error":{"code":"SC3017","message":"no record deal/NOPE: no event has created it, or it was deleted"}}`,
  },
  SC3018: {
    about: `The database does not answer (status 503); nothing of the request was stored, send it again.`,
    example: `POST /v1/events → 503 {"error":{"code":"SC3018","message":"the store is unavailable (connection refused); nothing of this request was stored, send it again"}}`,
  },
  SC3019: {
    about: `\`GET /v1/outputs\` with \`after\`, \`limit\` or \`wait\` out of range or not a number (status 400).`,
    example: `GET /v1/outputs?after=minus → 400 {"error":{"code":"SC3019","message":"bad query: querystring/after must be integer"}}`,
  },
  SC3020: {
    example: `POST /v1/events → 400 {"error":{"code":"SC3020","message":"the body holds no events: send JSON Lines, one event per line, or a JSON event or array of events"}}`,
  },
  SC3030: {
    about: `\`POST /v1/deliveries/ID/retry\` of a delivery the receiver has acknowledged (status 409); only pending and failed deliveries are tried again.`,
    example: `POST /v1/deliveries/7/retry → 409 {"error":{"code":"SC3030","message":"delivery 7 was delivered at 2026-01-05T08:30:01.200Z; the receiver has it (a repeat would carry the same Idempotency-Key)"}}`,
  },
  SC3040: {
    about: `\`PUT /v1/rules\` (\`stagecraft deploy\`) with rules that do not check clean (status 422): the body's \`diagnostics\` lists them as \`check --format json\` does, and the active rules stay as they were.`,
    example: `PUT /v1/rules → 422 {"error":{"code":"SC3040","message":"the rules have 1 error; nothing was deployed"},"diagnostics":[{"file":"rules.rules","line":1,"column":40,…}]}`,
  },
  SC3041: {
    about: `\`PUT /v1/rules\` needs a JSON body \`{"files":[{"path","text"}]}\` with at least one file (status 400).`,
    example: `PUT /v1/rules → 400 {"error":{"code":"SC3041","message":"the body must be a JSON object whose \"files\" lists each rules file as an object with \"path\" and \"text\": files[0].text is not a string"}}`,
  },
  SC3099: {
    about: `Status 500: a bug in Stagecraft, never in the request; the service logs it with its stack.`,
    example: `POST /v1/events → 500 {"error":{"code":"SC3099","message":"internal error: …; this is a bug in Stagecraft, not in the request"}}`,
  },
  SC4001: {
    about: `Derived events fed each other past the bound (100); the message names the chain of
rules. The checker warns about such cycles ahead of time (SC2601).`,
    example: `stagecraft: events.jsonl:1 (event e1): runtime error SC4001: cascade deeper than 100 derived events; the rules feed each other: to B -> to A`,
  },
  SC4002: {
    about: `Only reachable through the API (the CLI reports SC3009 first).`,
    example: `engine.process(event) // event "e2" at 2026-01-01T08:00:00Z is earlier than the previous time 2026-01-02T08:00:00Z`,
  },
  SC4003: {
    about: `An IR from a newer compiler called a function this runtime does not have.`,
    example: `engine.process(event) // unknown function "soundex"`,
  },
  SC4004: {
    about: `A snapshot from another program or version was given to \`createEngine\`.`,
    example: `createEngine(program, { snapshot }) // the snapshot is version 1; this runtime reads version 2`,
  },
  SC4005: {
    about: `Only reachable through the API: an event's \`at\`, or the time \`advanceTo\` is given,
is not an ISO 8601 time (the CLI reports SC3003 first).`,
    example: `engine.advanceTo("tomorrow") // invalid time "tomorrow"`,
  },
  SC4006: {
    about: `Only reachable through the API: an event's \`entity\` is not \`type/id\` (the CLI
reports SC3003 first).`,
    example: `engine.process({ id: "e1", entity: "deal", … }) // event "e1": "deal" is not a type/id reference`,
  },
  SC4007: {
    about: `Only reachable through the API (the CLI reports SC3012 first): \`Engine.process\`
refuses a \`created\` event for a record it holds, keeping the record.`,
    example: `engine.process({ id: "e2", type: "created", entity: "deal/D1", … }) // event "e2" creates deal/D1, which already exists; …`,
  },
  SC4008: {
    about: `A deploy (\`PUT /v1/rules\`, \`stagecraft deploy\`) or \`run --resume\` with other rules
that would leave records the new rules cannot hold: a record of an entity type
they remove, a stage open on it that the new pipeline lacks (a renamed stage
too), or a field value outside the field's new type (an enum value removed, a
type changed). Such a record would be stuck: its stage could never be closed,
its value never sent again. Nothing changes; the answer lists the first 20
records and, for each thing the new rules lack, what to do: keep it in the new
rules, or first move the records with events under the current rules
(\`docs/versions.md\` "Schema changes"). The service answers 422 (a dry run
answers 200 with the same findings in \`plan.schema\` and \`refused\`); the CLI
exits 2.`,
    example: `PUT /v1/rules → 422 {"error":{"code":"SC4008","message":"the new rules cannot hold 1 record: opportunity/O3 (stage \"Documentation pending\" is open, and the new pipeline of opportunity has no such stage); …; nothing was deployed"},"schema":{…}}`,
  },
  SC9999: {
    about: `A failure of Stagecraft itself, never of the rules or the events: the parser, the
checker, the lowering or the formatter failed on this input. It is reported at
the file's start like any diagnostic (never as a stack trace, never hidden), the
command fails, and the message says how to report it. Never expected, so no
golden test can produce it; a unit test forces it.`,
    example: `solar.rules:1:1: error SC9999: Internal error in the checker: Cannot read properties of undefined (reading 'name'). This is a bug in Stagecraft, not in your input; please report it with the files you gave and this message.`,
  },
};
