// Actions, shared by rules (`-> action`, `{ action* }`) and workflow steps.
import type { OrMethodOpts } from "chevrotain";
import type { Action, AssignCriterion, FieldAssignment, Name, Recipient } from "../ast";
import { nameOf, stringOf } from "../nodes";
import { Assign, Colon, Comma, Equal, Kw, LCurly, Name as NameToken, RCurly, StringLiteral as StringToken } from "../tokens";
import { dropOnError, noResync } from "./base";
import { ExpressionParser } from "./expressions";

export class ActionParser extends ExpressionParser {
  private readonly actionAlternatives: OrMethodOpts<Action> = {
    DEF: [
      {
        ALT: () => {
          const first = this.CONSUME(Kw.open);
          return { kind: "OpenAction", stage: nameOf(this.CONSUME(StringToken)), start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(Kw.close);
          return { kind: "CloseAction", stage: nameOf(this.CONSUME2(StringToken)), start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      { ALT: () => this.SUBRULE(this.moveAction) },
      { ALT: () => this.SUBRULE(this.sendAction) },
      { ALT: () => this.SUBRULE(this.createAction) },
      { ALT: () => this.SUBRULE(this.assignAction) },
      {
        ALT: () => {
          const first = this.CONSUME(Kw.set);
          const field = this.fieldPath();
          this.CONSUME(Assign);
          const value = this.SUBRULE(this.expression);
          return { kind: "SetAction", field, value, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      { ALT: () => this.SUBRULE(this.generateReportAction) },
      { ALT: () => this.SUBRULE(this.forEachAction) },
      {
        ALT: () => {
          const first = this.CONSUME(Kw.request);
          this.CONSUME(Kw.signature);
          const template = nameOf(this.CONSUME3(StringToken));
          this.CONSUME(Kw.from);
          const from = this.SUBRULE(this.recipient);
          return { kind: "RequestSignatureAction", template, from, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(Kw.notify);
          const to = this.SUBRULE2(this.recipient);
          const text = stringOf(this.CONSUME4(StringToken));
          return { kind: "NotifyAction", to, text, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
    ],
    ERR_MSG: "an action (open, close, move, send, create, assign, set, generate, request, notify or for each)",
  };

  /** One action; undefined when it could not be read (the error is already recorded). */
  action = this.RULE("action", (): Action | undefined => this.OR(this.actionAlternatives), dropOnError);

  /** `move [ref] to "S" [allow back] [as "user"]` */
  moveAction = this.RULE("moveAction", (): Action => {
    const first = this.CONSUME(Kw.move);
    // `to` is also a valid field name; `move to "S"` means the rule's own record.
    const target = this.OPTION({
      GATE: () => !(this.LA(1).tokenType === Kw.to && this.nextIsString(2)),
      DEF: () => this.fieldPath(),
    });
    this.CONSUME(Kw.to);
    const stage = nameOf(this.CONSUME(StringToken));
    const allowBack = this.OPTION2(() => {
      this.CONSUME(Kw.allow);
      this.CONSUME(Kw.back);
      return true;
    }) ?? false;
    const as = this.OPTION3(() => {
      this.CONSUME(Kw.as);
      return stringOf(this.CONSUME2(StringToken));
    });
    return { kind: "MoveAction", target, stage, allowBack: allowBack === true, as, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  // The alternatives below start right after `send` / `create`: `LA(0)` is that
  // word, where the action's span starts.
  private readonly sendAlternatives: OrMethodOpts<Action> = {
    DEF: [
      {
        ALT: () => {
          const first = this.LA(0);
          this.CONSUME(Kw.email);
          const template = nameOf(this.CONSUME(StringToken));
          this.CONSUME(Kw.to);
          const to = this.SUBRULE(this.recipient);
          const cc = this.OPTION(() => {
            this.CONSUME(Kw.cc);
            return this.SUBRULE2(this.recipient);
          });
          return { kind: "SendEmailAction", template, to, cc, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        ALT: () => {
          const first = this.LA(0);
          this.CONSUME(Kw.sms);
          const template = nameOf(this.CONSUME2(StringToken));
          this.CONSUME2(Kw.to);
          const to = this.SUBRULE3(this.recipient);
          return { kind: "SendSmsAction", template, to, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
    ],
    ERR_MSG: '"email" or "sms" after "send"',
  };

  /** `send email "T" to R [cc R]`, `send sms "T" to R` */
  sendAction = this.RULE("sendAction", (): Action => {
    this.CONSUME(Kw.send);
    return this.OR(this.sendAlternatives);
  }, noResync);

  private readonly createAlternatives: OrMethodOpts<Action> = {
    MAX_LOOKAHEAD: 1,
    DEF: [
      {
        // an entity may be called `task`: only `task "…"` is the task action
        GATE: () => this.nextIsString(2),
        ALT: () => {
          const first = this.LA(0);
          this.CONSUME(Kw.task);
          const template = nameOf(this.CONSUME(StringToken));
          // `for each deal of contact { … }` after the task is the next action
          const forWhom = this.OPTION({
            GATE: () => !this.startsForEach(),
            DEF: () => {
              this.CONSUME(Kw.for);
              return this.SUBRULE(this.recipient);
            },
          });
          return { kind: "CreateTaskAction", template, for: forWhom, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        GATE: () => this.nextIsString(3),
        ALT: () => {
          const first = this.LA(0);
          this.CONSUME(Kw.activity);
          const activityKind = nameOf(this.CONSUME(NameToken));
          const text = stringOf(this.CONSUME2(StringToken));
          return { kind: "CreateActivityAction", activityKind, text, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        ALT: () => {
          const first = this.LA(0);
          const entity = nameOf(this.CONSUME2(NameToken));
          const fields: FieldAssignment[] = [];
          const withWritten = this.OPTION2(() => {
            this.CONSUME(Kw.with);
            this.CONSUME(LCurly);
            this.MANY(() => {
              const field = this.SUBRULE(this.fieldAssignment);
              if (field) fields.push(field);
              this.OPTION3(() => this.CONSUME(Comma));
            });
            this.CONSUME(RCurly);
            return true;
          });
          return { kind: "CreateRecordAction", entity, fields, withWritten: withWritten === true, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
    ],
    ERR_MSG: 'task "…", activity or an entity name after "create"',
  };

  /** `create task "T" [for R]`, `create activity KIND "text"`, `create ENTITY [with { … }]` */
  createAction = this.RULE("createAction", (): Action => {
    this.CONSUME(Kw.create);
    return this.OR(this.createAlternatives);
  }, noResync);

  /** `name: expr` inside `create ENTITY with { … }` */
  fieldAssignment = this.RULE("fieldAssignment", (): FieldAssignment | undefined => {
    const first = this.LA(1);
    const name = nameOf(this.CONSUME(NameToken));
    this.CONSUME(Colon);
    const value = this.SUBRULE(this.expression);
    return { kind: "FieldAssignment", name, value, start: this.startFrom(first), end: this.endFrom(first) };
  }, dropOnError);

  /** `assign FIELD from TEAM [where ATTRIBUTE == VALUE (and …)*] [round robin | least loaded]` */
  assignAction = this.RULE("assignAction", (): Action => {
    const first = this.CONSUME(Kw.assign);
    const field = this.fieldPath();
    this.CONSUME(Kw.from);
    const team: Name = nameOf(this.CONSUME(NameToken));
    const criteria: AssignCriterion[] = [];
    this.OPTION2(() => {
      this.CONSUME(Kw.where);
      criteria.push(this.SUBRULE(this.assignCriterion));
      this.MANY(() => {
        this.CONSUME(Kw.and);
        criteria.push(this.SUBRULE2(this.assignCriterion));
      });
    });
    const strategy = this.OPTION(() =>
      this.OR({
        DEF: [
          {
            ALT: () => {
              this.CONSUME(Kw.round);
              this.CONSUME(Kw.robin);
              return "round_robin" as const;
            },
          },
          {
            ALT: () => {
              this.CONSUME(Kw.least);
              this.CONSUME(Kw.loaded);
              return "least_loaded" as const;
            },
          },
        ],
      }),
    );
    const written = strategy === "round_robin" || strategy === "least_loaded";
    return {
      kind: "AssignAction",
      field,
      team,
      strategy: written ? strategy : "round_robin",
      strategyWritten: written,
      criteria,
      start: this.startFrom(first), end: this.endFrom(first),
    };
  }, noResync);

  /** `for each NAME of` or `for each NAME by`: a for-each action, not a task's recipient. */
  private startsForEach(): boolean {
    return this.LA(1).tokenType === Kw.for && this.LA(2).tokenType === Kw.each && (this.LA(4).tokenType === Kw.of || this.LA(4).tokenType === Kw.by);
  }

  /** `for each ENTITY [by FIELD] of ENTITY { action* }` */
  forEachAction = this.RULE("forEachAction", (): Action => {
    const first = this.CONSUME(Kw.for);
    this.CONSUME(Kw.each);
    const entity = nameOf(this.CONSUME(NameToken));
    const by = this.OPTION(() => {
      this.CONSUME(Kw.by);
      return nameOf(this.CONSUME2(NameToken));
    });
    this.CONSUME(Kw.of);
    const of = nameOf(this.CONSUME3(NameToken));
    this.CONSUME(LCurly);
    const actions: Action[] = [];
    this.MANY(() => {
      const action = this.SUBRULE(this.action);
      if (action) actions.push(action);
    });
    this.CONSUME(RCurly);
    return { kind: "ForEachAction", entity, by, of, actions, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `region == region`: a member attribute, then one operand (so `and` separates criteria). */
  assignCriterion = this.RULE("assignCriterion", (): AssignCriterion => {
    const first = this.LA(1);
    const attribute = nameOf(this.CONSUME(NameToken));
    this.CONSUME(Equal);
    const value = this.SUBRULE(this.unary);
    return { kind: "AssignCriterion", attribute, value, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `generate report "T" [and email "T2" to R]` */
  generateReportAction = this.RULE("generateReportAction", (): Action => {
    const first = this.CONSUME(Kw.generate);
    this.CONSUME(Kw.report);
    const template = nameOf(this.CONSUME(StringToken));
    const email = this.OPTION(() => {
      const and = this.CONSUME(Kw.and);
      this.CONSUME(Kw.email);
      const emailTemplate = nameOf(this.CONSUME2(StringToken));
      this.CONSUME(Kw.to);
      const to: Recipient = this.SUBRULE(this.recipient);
      return { template: emailTemplate, to, start: this.startFrom(and), end: this.endFrom(and) };
    });
    return { kind: "GenerateReportAction", template, email, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);
}
