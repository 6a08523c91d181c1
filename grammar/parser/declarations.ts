// Declarations: calendar, entity (fields and pipeline), template, team, event.
import type { ParserMethod } from "chevrotain";
import type {
  CalendarDecl, CalendarSetting, EntityDecl, EventDecl, FieldDecl, Name, PipelineDecl, StageDecl,
  MemberAttributes, StringLiteral, TeamDecl, TemplateDecl, TestField, TemplateProperty, TypeRef,
} from "../ast";
import { dateOf, nameOf, stringOf, timeOf } from "../nodes";
import {
  Colon, Comma, DateLiteral, DottedName, Identifier, Kw, LCurly, LParen, Name as NameToken,
  Question, Range, RCurly, RParen, StringLiteral as StringToken, TimeOfDay,
} from "../tokens";
import { dropOnError, noResync } from "./base";
import { RuleParser } from "./rules";

export class DeclarationParser extends RuleParser {
  calendarDecl = this.RULE("calendarDecl", (): CalendarDecl => {
    const first = this.CONSUME(Kw.calendar);
    const settings: CalendarSetting[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const setting = this.SUBRULE(this.calendarSetting);
      if (setting) settings.push(setting);
    });
    this.CONSUME(RCurly);
    return { kind: "CalendarDecl", settings, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  calendarSetting = this.RULE("calendarSetting", (): CalendarSetting | undefined => {
    const first = this.LA(1);
    return this.OR<CalendarSetting>({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Kw.timezone);
            return { kind: "Timezone", zone: nameOf(this.CONSUME(StringToken)), start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.workdays);
            const days: Name[] = [];
            // weekday names are plain identifiers, so the next setting's keyword ends the list
            this.MANY(() => days.push(nameOf(this.CONSUME(Identifier))));
            return { kind: "Workdays", days, start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.hours);
            const from = timeOf(this.CONSUME(TimeOfDay));
            this.CONSUME(Range);
            const to = timeOf(this.CONSUME2(TimeOfDay));
            return { kind: "Hours", from, to, start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.holiday);
            return { kind: "Holiday", date: dateOf(this.CONSUME(DateLiteral)), start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
      ],
      ERR_MSG: "a calendar setting (timezone, workdays, hours or holiday)",
    });
  }, dropOnError);

  entityDecl = this.RULE("entityDecl", (): EntityDecl => {
    const first = this.CONSUME(Kw.entity);
    const name = nameOf(this.CONSUME(NameToken));
    const fields: FieldDecl[] = [];
    let pipeline: PipelineDecl | undefined;
    this.CONSUME(LCurly);
    this.MANY(() => {
      const member = this.SUBRULE(this.entityMember);
      if (member?.kind === "FieldDecl") fields.push(member);
      else if (member?.kind === "PipelineDecl") {
        if (pipeline) this.problem("an entity has one pipeline; merge the stages into the first one", this.LA(0));
        else pipeline = member;
      }
    });
    this.CONSUME(RCurly);
    return { kind: "EntityDecl", name, fields, pipeline, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  entityMember = this.RULE("entityMember", (): FieldDecl | PipelineDecl | undefined => {
    return this.OR<FieldDecl | PipelineDecl | undefined>({
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          // `pipeline: text` is a field called pipeline
          GATE: () => this.LA(2).tokenType === LCurly || this.LA(2).tokenType === Kw.parallel,
          ALT: () => this.SUBRULE(this.pipelineDecl),
        },
        { ALT: () => this.SUBRULE(this.fieldDecl) },
      ],
      ERR_MSG: "a field (name: type) or a pipeline",
    });
  }, dropOnError);

  /** `name: type[?]` */
  fieldDecl = this.RULE("fieldDecl", (): FieldDecl | undefined => {
    const first = this.LA(1);
    const name = nameOf(this.CONSUME(NameToken));
    this.CONSUME(Colon);
    const type = this.SUBRULE(this.typeRef);
    const optional = this.OPTION(() => this.CONSUME(Question));
    return { kind: "FieldDecl", name, type, optional: optional !== undefined, start: this.startFrom(first), end: this.endFrom(first) };
  }, dropOnError);

  typeRef = this.RULE("typeRef", (): TypeRef => {
    const first = this.LA(1);
    return this.OR<TypeRef>({
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          // an entity may be called enum; only `enum(` opens a list of values
          GATE: () => this.LA(2).tokenType === LParen,
          ALT: () => {
            this.CONSUME(Kw.enum);
            this.CONSUME(LParen);
            const values: Name[] = [nameOf(this.CONSUME(NameToken))];
            this.MANY(() => {
              this.CONSUME(Comma);
              values.push(nameOf(this.CONSUME2(NameToken)));
            });
            this.CONSUME(RParen);
            return { kind: "EnumType", values, start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            const name = nameOf(this.CONSUME3(NameToken));
            return { kind: "NamedType", name, start: name.start, end: name.end, ...(name.missing ? { missing: true } : {}) };
          },
        },
      ],
      ERR_MSG: "a field type (text, number, money, bool, date, datetime, email, phone, user, enum(…) or an entity name)",
    });
  }, noResync);

  pipelineDecl = this.RULE("pipelineDecl", (): PipelineDecl => {
    const first = this.CONSUME(Kw.pipeline);
    const parallel = this.OPTION(() => this.CONSUME(Kw.parallel));
    const stages: StageDecl[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const stage = this.SUBRULE(this.stageDecl);
      if (stage) stages.push(stage);
    });
    this.CONSUME(RCurly);
    return { kind: "PipelineDecl", parallel: parallel !== undefined, stages, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `stage "S" [won|lost]` */
  stageDecl = this.RULE("stageDecl", (): StageDecl | undefined => {
    const first = this.CONSUME(Kw.stage);
    const name = nameOf(this.CONSUME(StringToken));
    const outcome = this.OPTION(() =>
      this.OR([
        { ALT: () => { this.CONSUME(Kw.won); return "won" as const; } },
        { ALT: () => { this.CONSUME(Kw.lost); return "lost" as const; } },
      ]),
    );
    const stage: StageDecl = { kind: "StageDecl", name, start: this.startFrom(first), end: this.endFrom(first) };
    if (outcome === "won" || outcome === "lost") stage.outcome = outcome;
    return stage;
  }, dropOnError);

  /** `template KIND "Name" ["text" | { key value … }]` */
  templateDecl = this.RULE("templateDecl", (): TemplateDecl => {
    const first = this.CONSUME(Kw.template);
    const templateKind = nameOf(this.CONSUME(NameToken));
    const name = nameOf(this.CONSUME(StringToken));
    const properties: TemplateProperty[] = [];
    let text: StringLiteral | undefined;
    this.OPTION(() => {
      this.OR([
        { ALT: () => { text = stringOf(this.CONSUME2(StringToken)); } },
        {
          ALT: () => {
            this.CONSUME(LCurly);
            this.MANY(() => {
              const property = this.SUBRULE(this.templateProperty);
              if (property) properties.push(property);
            });
            this.CONSUME(RCurly);
          },
        },
      ]);
    });
    return { kind: "TemplateDecl", templateKind, name, text, properties, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `subject "…"`, `type call`, `due 1 day` */
  templateProperty = this.RULE("templateProperty", (): TemplateProperty | undefined => {
    const first = this.LA(1);
    const key = nameOf(this.CONSUME(NameToken));
    const value = this.OR<TemplateProperty["value"]>({
      DEF: [
        { ALT: () => stringOf(this.CONSUME(StringToken)) },
        { ALT: () => this.SUBRULE(this.duration) },
        { ALT: () => nameOf(this.CONSUME2(NameToken)) },
      ],
      ERR_MSG: "a value (quoted text, a name, or a duration such as 1 day)",
    });
    return { kind: "TemplateProperty", key, value, start: this.startFrom(first), end: this.endFrom(first) };
  }, dropOnError);

  /** `{ field: literal, … }`, read by the test parser; team members' attributes share it. */
  declare testData: ParserMethod<[], TestField[]>;

  /** `team NAME { "user" [{ attribute: value, … }] … }` */
  teamDecl = this.RULE("teamDecl", (): TeamDecl => {
    const first = this.CONSUME(Kw.team);
    const name = nameOf(this.CONSUME(NameToken));
    const members: StringLiteral[] = [];
    const attributes: MemberAttributes[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const member = stringOf(this.CONSUME(StringToken));
      members.push(member);
      this.OPTION(() => {
        const open = this.LA(1);
        const fields = this.SUBRULE(this.testData);
        attributes.push({ kind: "MemberAttributes", member: members.length - 1, fields, start: this.startFrom(open), end: this.endFrom(open) });
      });
    });
    this.CONSUME(RCurly);
    return { kind: "TeamDecl", name, members, attributes, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `event "webinar.attended" { field: type … }` */
  eventDecl = this.RULE("eventDecl", (): EventDecl => {
    const first = this.CONSUME(Kw.event);
    const name = nameOf(this.OR([
      { ALT: () => this.CONSUME(StringToken) },
      { ALT: () => this.CONSUME(DottedName) },
    ]));
    const fields: FieldDecl[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const field = this.SUBRULE(this.fieldDecl);
      if (field) fields.push(field);
    });
    this.CONSUME(RCurly);
    return { kind: "EventDecl", name, fields, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);
}
