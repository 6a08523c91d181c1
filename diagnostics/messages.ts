// Every message, by name, with the code it belongs to (codes.ts). A report names
// a message and gives its arguments: `report(node, Diagnostics.UnknownField,
// { field, owner, hint })`. Arguments that are lists or optional sentences (a
// "Did you mean" hint) arrive formatted; a quoted name is quoted here.
import { message } from "./message";

export const Diagnostics = {
  // files (cli/): the CLI's words for a file it cannot read, as a diagnostic for `check --format json`
  FileUnreadable: message("SC1001", "{problem}"),

  // syntax (grammar/)
  UnexpectedCharacters: message("SC0001", "unexpected {what}{hint}"),
  UnreadableString: message("SC0001", "{problem}"),
  Expected: message("SC0002", "{expectation}"),
  NotAnItem: message("SC0003", "{expectation}, found {found}; skipped to the next declaration"),
  ItemEndsEarly: message("SC0003", "the item ends before {found}; skipped to the next declaration"),
  NestedTooDeeply: message("SC0003", "this item is nested too deeply to read; skipped to the next declaration"),

  // names
  UnknownEntity: message("SC2001", "Unknown entity `{entity}`.{hint}"),
  UnknownFieldType: message("SC2001", "Unknown type `{type}`: neither a field type nor an entity.{hint}"),
  UnknownField: message("SC2002", "Unknown field `{field}` of `{owner}`.{hint}"),
  NotAReference: message("SC2002", "`{owner}` is not a reference to a record, so it has no field `{field}`."),
  UnknownStage: message("SC2003", "Unknown stage \"{stage}\" of `{entity}`.{hint}"),
  UnknownStageAnywhere: message("SC2003", "Unknown stage \"{stage}\": no pipeline has it.{hint}"),
  AmbiguousStage: message("SC2004", "Stage \"{stage}\" belongs to several entities ({entities}); say which, e.g. `on {first} stage \"{stage}\" …`."),
  UnknownTemplate: message("SC2005", "Unknown {kind} template \"{template}\".{hint}"),
  UnknownTeam: message("SC2006", "Unknown team `{team}`.{hint}"),
  UnknownEvent: message("SC2007", "Unknown event \"{event}\"; declare it with `event \"{event}\" { … }` or use a standard one.{hint}"),
  UnknownEventField: message("SC2008", "The {owner} has no field `{field}`.{hint}"),
  EventOutsideEventRule: message("SC2009", "`event.{field}` reads the triggering activity event, but this rule is not on one; write `on {entity} <event> …`."),
  UnknownEnumValue: message("SC2010", "`{value}` is not a value of {owner}.{hint}"),
  UnknownFunction: message("SC2011", "Unknown function `{name}`.{hint}"),
  UnknownTemplateKind: message("SC2012", "Unknown template kind `{kind}`; expected one of email, sms, task, report.{hint}"),
  Duplicate: message("SC2101", "Duplicate {what} \"{name}\": already declared {where}."),
  SecondCalendar: message("SC2101", "Second calendar block; there can be only one (the first is at {first})."),

  // types
  ConditionNotBool: message("SC2201", "The {where} condition must be true or false, but this is {type}; compare it, e.g. `… == …`."),
  Incomparable: message("SC2202", "Cannot compare {left} with {right}{hint}."),
  LogicOnNonBool: message("SC2203", "`{operator}` takes true/false operands, but this is {type}."),
  ArithmeticOnNonNumber: message("SC2204", "`{operator}` takes numbers or money, but this is {type}.{hint}"),
  Unordered: message("SC2205", "`{operator}` needs ordered values (numbers, money, dates, text), but one side is {type}; use == or != instead."),
  InListItemType: message("SC2206", "This `in` list item is {item}, but the value tested is {value}."),
  ValueDoesNotFit: message("SC2207", "`{field}` is {target}, but this value is {type}."),
  ArgumentNotAField: message("SC2208", "The argument {position} of {function}() must be a field of the rule's record, e.g. `{function}(amount)`."),
  ArgumentType: message("SC2208", "The argument {position} of {function}() must be {accepted}, not {type}."),
  ArgumentCount: message("SC2208", "{function}() takes {expected}, not {given}: {signature}."),
  NoTriggeringChange: message(
    "SC2209",
    "{function}() reads the change that triggered the rule, and there is none here; use it in rules on `created`, `updated` or `becomes` (or in an `enroll on` condition of those).",
  ),

  // templates and actions
  TemplateOfOtherKind: message("SC2301", "Template \"{template}\" is {actual} template, but this action needs {needed} template."),
  TemplatePlaceholder: message(
    "SC2302",
    "Template \"{template}\" ({property}) uses {{placeholder}}, but `{field}` is not a field of `{owner}` (sent by {senders}); placeholders must be field paths of the record a rule sends it for.{hint}",
  ),
  PlaceholderDefault: message("SC2303", "{what} gives {{placeholder}} a default that is not quoted text ({given}); a default is text in quotes, e.g. {{example}}."),
  TextPlaceholder: message("SC2302", "{what} uses {{placeholder}}, but `{field}` is not a field of `{owner}`; placeholders must be field paths of `{entity}`.{hint}"),
  AssignNotUser: message("SC2311", "`assign` sets a user field, but `{field}` is {type}."),
  AssignOtherRecord: message("SC2311", "`assign` sets a user field of the rule's own record; `{field}` belongs to another record."),
  StageOfOtherEntity: message(
    "SC2312",
    "Stage \"{stage}\" belongs to {owners}, not to `{entity}`; a rule can only reach its own record's stages (use `move <reference> to` for another record).",
  ),
  NoPipeline: message("SC2313", "{what} needs a pipeline, but `{entity}` has none; declare `pipeline { stage … }` in entity {entity}."),
  MoveOnParallel: message("SC2314", "`move` needs a sequential pipeline, but `{entity}`'s pipeline is parallel; use `open \"{stage}\"` (and `close`) instead."),
  QuotedNotAUser: message("SC2315", "\"{user}\" is not a user; a quoted recipient is a user's login or e-mail, e.g. \"alice@solar.example\"."),
  RecordWithoutAddress: message("SC2315", "`{path}` is a `{entity}`, which has no email or phone field to send to."),
  UnknownMemberAttribute: message("SC2319", "No member of team `{team}` has the attribute `{attribute}`; give members attributes as `\"ana@solar.example\" { {attribute}: … }`.{hint}"),
  CriterionType: message("SC2319", "`{attribute}` of \"{member}\" is {given}, but the value it is matched with is {type}, so that member never qualifies."),
  NotARecipient: message(
    "SC2315",
    "`{path}` is {type}, not a recipient; expected a user, email or phone field, a reference to a contact, `responsible`, or a quoted user.",
  ),
  MoveTargetNotReference: message("SC2316", "`move {path} to …` needs a reference to a record, but `{path}` is {type}."),
  SetStage: message("SC2317", "`set` cannot change `stage`: use `move to \"S\"` or `open \"S\"`, so stage rules fire."),
  SetId: message("SC2317", "`set` cannot change `id`: a record's id never changes."),
  ForEachOfOtherRecord: message("SC2318", "`for each … of {of}` acts on the records that refer to the rule's record: write `of {record}`."),
  ForEachNoReference: message("SC2318", "`{entity}` has no reference field to `{record}`, so no {entity} refers to it."),
  ForEachAmbiguous: message("SC2318", "`{entity}` has several reference fields to `{record}` ({fields}); say which: `for each {entity} by {first} of {record}`."),
  ForEachByNotReference: message("SC2318", "`{entity}.{field}` is not a reference to `{record}`.{hint}"),

  // durations, calendar and teams
  DelayNotPositive: message("SC2401", "A duration must be positive, but this is {duration}; drop `after` to act at once."),
  DurationNotPositive: message("SC2401", "A `{word}` must be positive, but this is {duration}; {advice}."),
  UnknownTimeZone: message("SC2402", "Unknown time zone \"{zone}\"; expected an IANA name such as \"Europe/Rome\".{hint}"),
  NotAWeekday: message("SC2403", "`{day}` is not a weekday; expected mon, tue, wed, thu, fri, sat or sun.{hint}"),
  HoursBackwards: message("SC2404", "Working hours {from}..{to} end before they start; write the earlier time first, e.g. 09:00..18:00."),
  HoursEmpty: message("SC2404", "Working hours {from}..{to} are empty: they end when they start; give them a length, e.g. 09:00..18:00."),
  NotATimeOfDay: message("SC2405", "{time} is not a time of day; expected 00:00 to 23:59."),
  NotADate: message("SC2406", "{date} is not a date; expected YYYY-MM-DD of a day that exists."),
  NoSuchDate: message("SC2406", "{date} does not exist: {why}."),
  MemberNotAUser: message("SC2407", "\"{member}\" is not a user; team members are quoted logins or e-mails without spaces, e.g. \"ana@solar.example\"."),
  DurationTooLong: message("SC2408", "A duration of {duration} is more than a hundred years; at most {longest} are allowed."),
  NoWorkdays: message("SC2409", "{what} needs working days, but {calendar}; write them, e.g. `workdays mon tue wed thu fri`."),

  // workflows
  BadPer: message("SC2501", "`per {per}` needs `{per}` to be `{entity}` itself or a reference field of it.{hint}"),
  MixedEnrollments: message("SC2502", "This workflow enrolls `{entity}` records, so every `enroll on` must watch `{entity}`, not `{other}`."),
  NoEnrollment: message("SC2503", "Workflow \"{workflow}\" has no `enroll on …`, so no record can ever enter it."),

  // rule flow
  NameConsumedRule: message(
    "SC2610",
    "Name this rule: other rules react to what it does ({reaction}), and a name keeps its identity when it is edited, e.g. `rule \"{name}\": …`.",
  ),
  RuleCycle: message("SC2601", "Rules can re-trigger each other without end: {chain}. Add a condition that stops the loop."),
  AlwaysFalse: message("SC2602", "This condition is always false, so {consequence}."),
  BecomesReadsNothing: message("SC2602", "This `becomes` condition reads no field, so it never turns from false to true and the rule never fires."),
  MoveToFirstStage: message(
    "SC2603",
    "Moving to \"{stage}\", the first stage of `{entity}`, never happens: moves go forward only. Add `allow back` or use `open \"{stage}\"`.",
  ),
  MoveBackward: message(
    "SC2603",
    "Moving to \"{stage}\" never happens: it comes before \"{open}\", the stage this rule runs in, and moves go forward only. Add `allow back` to move back.",
  ),
  MoveOutOfDecided: message(
    "SC2603",
    "Moving to \"{stage}\" never happens: this rule runs in \"{open}\", a {outcome} stage, and a decided record moves only with `allow back`.",
  ),
  MoveToOpenStage: message("SC2604", "Moving to \"{stage}\" does nothing: \"{stage}\" is already open when this rule runs."),

  // test blocks
  NotARecord: message("SC2701", "\"{record}\" is not a record; expected \"type/id\", e.g. \"deal/S1\"."),
  UnknownRecordType: message("SC2701", "Unknown record type `{type}` in \"{record}\".{hint}"),
  UnknownTestEvent: message("SC2702", "Unknown event type \"{type}\".{hint}"),
  NotADateTime: message("SC2703", "{datetime} is not a datetime; expected ISO 8601 with an offset, e.g. 2026-01-01T09:30+01:00 or 2026-01-01T08:30Z."),
  NoSuchDateTime: message("SC2703", "{datetime} does not exist: {why}."),
  UnknownOutputType: message("SC2704", "Rules never output \"{type}\"; expected one of {known}.{hint}"),
  TestWithoutExpect: message(
    "SC2705",
    "Test \"{test}\" has no `expect`, so it passes whatever the rules do; say what its events must lead to, e.g. `expect {example}`.",
  ),
  UnknownExpectKey: message("SC2706", "{type} outputs carry no `{key}`; their data keys are {keys}.{hint}"),
  ExpectValueType: message("SC2707", "`{key}` of {type} {problem}."),
  CountNotWhole: message("SC2709", "`expect {count}` counts outputs, so the count is a whole number, e.g. `expect 2 email.send`."),
  CountWithBefore: message("SC2709", "An `expect` counts outputs or orders them, not both: write `expect {count} …` and `expect … before …` as two lines."),
  UnknownByRule: message("SC2710", "No rule is named \"{name}\".{hint}"),
  UnknownByWorkflow: message("SC2710", "No workflow is named \"{name}\".{hint}"),
  ByOtherKind: message("SC2710", "\"{name}\" is a {kind}, not a {other}: write `by {kind} \"{name}\"`."),
  UntilBeforeLastEvent: message(
    "SC2708",
    "`until` {until} is before the test's last event ({last}), so no timer fires; write the time up to which timers should fire.",
  ),

  // input events (runtime/input/validate-event.ts, runtime/input/event-stream-validator.ts)
  NotJson: message("SC3001", "not valid JSON: {reason}"),
  NotAnObject: message("SC3001", "an event must be a JSON object"),
  MissingField: message("SC3002", "missing \"{field}\"{why}"),
  IllTypedField: message("SC3003", "\"{field}\" must be {expected}, got {got}"),
  NoSuchTime: message("SC3003", "\"{field}\" is {got}, which does not exist: {why}"),
  UnknownEntityType: message("SC3004", "unknown entity type \"{type}\"{expected}"),
  UnknownEventType: message("SC3005", "unknown event type \"{type}\"{expected}"),
  UnknownInputStage: message("SC3006", "unknown stage \"{stage}\" for {entity}{expected}"),
  UnknownDataField: message("SC3007", "unknown field \"{field}\"{where}"),
  UnknownEventKey: message("SC3007", "unknown key \"{key}\" in the event{expected}"),
  StageNotUpdatable: message("SC3007", "\"stage\" cannot be updated; send a stage.opened event for {entity}"),
  WrongDataType: message("SC3008", "{what} {problem}"),
  RepeatedKey: message("SC3022", "\"{key}\" is written twice in one object; JSON keeps only the last, so give it once"),
  TimeGoesBack: message("SC3009", "time {at} is earlier than {previous}; events must be in time order{hint}"),
  DuplicateId: message("SC3010", "duplicate id \"{id}\": {where} already used it; every event needs its own id"),
  OutputIdForm: message(
    "SC3011",
    "id \"{id}\" has the form of an output id (t<number> for timers, <id>.<number> for derived events); choose another, e.g. \"{example}\"",
  ),
  RecordExists: message(
    "SC3012",
    "record \"{ref}\" already exists: {origin}; a second created would wipe its stage, fields and timers. Send updated for a change, or deleted first to create it anew",
  ),
  RecordNotCreated: message(
    "SC3021",
    "record \"{ref}\" does not exist: {why}; with --strict every record is created before its other events (send created first, or run without --strict to start it empty)",
  ),

  // the service's requests (service/)
  IdStoredWithOtherContent: message("SC3010", "id \"{id}\" {where} with other content; an id names one event: give this one its own id"),
  NoEvents: message("SC3020", "the body holds no events: send JSON Lines, one event per line, or a JSON event or array of events"),
  EventInTheFuture: message("SC3013", "\"at\" {at} is more than 5 minutes ahead of the wall clock ({now}); send events when they happen"),
  BodyTooLarge: message("SC3014", "the body is larger than {limit} bytes (1 MiB); send the events in smaller batches"),
  UnsupportedMediaType: message("SC3015", "{given}: send application/x-ndjson (JSON Lines) or application/json (an event or an array)"),
  MissingToken: message("SC3016", "missing Authorization: Bearer <token>"),
  WrongToken: message("SC3016", "the bearer token is wrong"),
  NoRoute: message("SC3017", "no route {method} {path}; the routes are {routes}"),
  NoRecord: message("SC3017", "no record {ref}: no event has created it, or it was deleted"),
  StoreUnavailable: message("SC3018", "the store is unavailable ({reason}); nothing of this request was stored, send it again"),
  BadQuery: message("SC3019", "bad query: {reason}"),
  NoDelivery: message("SC3017", "no delivery {id}: GET /v1/deliveries lists them"),
  DeliveredAlready: message("SC3030", "delivery {id} was delivered at {at}; the receiver has it (a repeat would carry the same Idempotency-Key)"),
  RulesHaveErrors: message("SC3040", "the rules have {count}; nothing was deployed"),
  NotRulesBody: message("SC3041", "the body must be a JSON object whose \"files\" lists each rules file as an object with \"path\" and \"text\": {reason}"),
  NoVersion: message("SC3017", "no version {version} of the rules: GET /v1/rules lists them"),
  ServiceInternalError: message("SC3099", "internal error: {reason}; this is a bug in Stagecraft, not in the request"),

  // runtime errors (runtime/errors.ts)
  Cascade: message("SC4001", "cascade deeper than {bound} derived events; the rules feed each other: {chain}"),
  CascadeWide: message("SC4001", "cascade of more than {bound} derived events from one event or timer; the rules feed each other: {chain}"),
  EventOutOfOrder: message("SC4002", "event \"{id}\" at {at} is earlier than the previous time {previous}"),
  RuntimeUnknownFunction: message("SC4003", "unknown function \"{name}\""),
  SnapshotMismatch: message("SC4004", "{reason}"),
  InvalidEventTime: message("SC4005", "event \"{id}\" has an invalid time \"{time}\""),
  InvalidTime: message("SC4005", "invalid time \"{time}\""),
  NotARecordReference: message("SC4006", "event \"{id}\": \"{entity}\" is not a type/id reference"),
  RecordCreatedAgain: message("SC4007", "event \"{id}\" creates {ref}, which already exists; a created event cannot replace a record (send updated, or deleted first)"),
  UnfitState: message(
    "SC4008",
    "the new rules cannot hold {count}: {first}{more}; keep what they hold in the new rules, or first change them with events under the current rules",
  ),

  // internal (internal.ts)
  Internal: message(
    "SC9999",
    "Internal error in the {part}: {reason}. This is a bug in Stagecraft, not in your input; please report it with the files you gave and this message. {outcome}",
  ),
} as const;
