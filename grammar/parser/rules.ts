// Rules (`on SUBJECT [after …] [when …] -> action | { … }`) and workflows
// (`workflow "W" [per X] [reentry] { enroll on …  exit when …  steps }`).
import { tokenMatcher, type IOrAlt, type IToken, type OrMethodOpts } from "chevrotain";
import type {
  Action, Delay, Enrollment, ExitGoal, Expr, IfStep, Name, RuleDecl, Step, Subject, TimeOfDay, WorkflowDecl,
} from "../ast";
import { nameOf, timeOf } from "../nodes";
import { endOffsetBetween, startOffsetOf } from "../ranges";
import {
  Arrow, Colon, DottedName, Kw, LCurly, Name as NameToken, NumberLiteral, RCurly, StringLiteral, TimeOfDay as TimeOfDayToken, TimeUnit,
} from "../tokens";
import { ActionParser } from "./actions";
import { dropOnError, noResync } from "./base";

export class RuleParser extends ActionParser {
  // Every rule of a large file runs these: their alternatives and option bodies
  // are built once (see ParserBase), not on every call.
  private readonly ruleName = (): Name => {
    this.CONSUME(Kw.rule);
    const ruleName = nameOf(this.CONSUME(StringLiteral));
    this.CONSUME(Colon);
    return ruleName;
  };

  private readonly ruleDelay = (): Delay => this.SUBRULE(this.delay);

  private readonly ruleCondition = (): Expr => {
    this.CONSUME(Kw.when);
    return this.SUBRULE(this.expression);
  };

  private readonly ruleBodyAlternatives: OrMethodOpts<Action[]> = {
    DEF: [
      {
        ALT: () => {
          this.CONSUME(Arrow);
          const action = this.SUBRULE(this.action);
          return action ? [action] : [];
        },
      },
      {
        ALT: () => {
          this.CONSUME(LCurly);
          const actions: Action[] = [];
          this.MANY(() => {
            const action = this.SUBRULE2(this.action);
            if (action) actions.push(action);
          });
          this.CONSUME(RCurly);
          return actions;
        },
      },
    ],
    ERR_MSG: '"->" or "{" after the rule\'s subject',
  };

  ruleDecl = this.RULE("ruleDecl", (): RuleDecl => {
    const first = this.LA(1);
    const name = this.OPTION(this.ruleName);
    this.CONSUME(Kw.on);
    const subject = this.SUBRULE(this.subject);
    const delay = this.OPTION2(this.ruleDelay);
    const condition = this.OPTION3(this.ruleCondition);
    // `{` before the body: the block alternative below (its lookahead is this token)
    const block = tokenMatcher(this.LA(1), LCurly);
    const actions = this.OR(this.ruleBodyAlternatives) ?? [];
    return { kind: "RuleDecl", name, subject, delay, condition, actions, block, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  // After the entity's name: `LA(0)` is that name, where the subject starts.
  private readonly entitySubjectAlternatives: OrMethodOpts<Subject> = {
    DEF: [
      { ALT: () => this.SUBRULE2(this.stageEdge, { ARGS: [nameOf(this.LA(0)), this.LA(0)] }) },
      { ALT: () => this.lifecycle(this.LA(0), this.CONSUME(Kw.created), "created") },
      { ALT: () => this.lifecycle(this.LA(0), this.CONSUME(Kw.updated), "updated") },
      { ALT: () => this.lifecycle(this.LA(0), this.CONSUME(Kw.deleted), "deleted") },
      {
        ALT: () => {
          const first = this.LA(0);
          const entity = nameOf(first);
          this.CONSUME(Kw.becomes);
          const condition = this.SUBRULE(this.expression);
          return { kind: "BecomesSubject", entity, condition, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
      {
        ALT: () => {
          const first = this.LA(0);
          const entity = nameOf(first);
          const event = nameOf(this.OR3(this.eventNameTokens));
          return { kind: "EventSubject", entity, event, start: this.startFrom(first), end: this.endFrom(first) };
        },
      },
    ],
    ERR_MSG: 'stage "…", created, updated, deleted, becomes or an event name such as invoice.paid after the entity',
  };

  private readonly eventNameTokens: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(DottedName) },
    { ALT: () => this.CONSUME(StringLiteral) },
  ];

  private readonly subjectAlternatives: OrMethodOpts<Subject> = {
    MAX_LOOKAHEAD: 1,
    DEF: [
      {
        // `stage "S"` without an entity; `stage stage "S"` would be an entity called stage
        GATE: () => this.nextIsString(2),
        ALT: () => this.SUBRULE(this.stageEdge, { ARGS: [undefined, this.LA(1)] }),
      },
      {
        ALT: () => {
          this.CONSUME(NameToken);
          return this.OR2(this.entitySubjectAlternatives);
        },
      },
    ],
    ERR_MSG: 'what the rule reacts to: stage "…" open, or an entity followed by created, updated, deleted, becomes or an event',
  };

  /** `[entity] stage "S" open|close`, `entity created|updated|deleted`, `entity becomes EXPR`, `entity EVENT` */
  subject = this.RULE("subject", (): Subject => this.OR(this.subjectAlternatives), noResync);

  private readonly edgeAlternatives: OrMethodOpts<"open" | "close"> = {
    DEF: [
      { ALT: () => { this.CONSUME(Kw.open); return "open" as const; } },
      { ALT: () => { this.CONSUME(Kw.close); return "close" as const; } },
    ],
    ERR_MSG: '"open" or "close" after the stage name',
  };

  stageEdge = this.RULE("stageEdge", (entity: Name | undefined, first: IToken | undefined): Subject => {
    this.CONSUME(Kw.stage);
    const stage = nameOf(this.CONSUME(StringLiteral));
    const edge = this.OR(this.edgeAlternatives);
    return { kind: "StageSubject", entity, stage, edge: edge === "close" ? "close" : "open", start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  private readonly delayAt = (): TimeOfDay => {
    this.CONSUME(Kw.at);
    return timeOf(this.CONSUME(TimeOfDayToken));
  };

  private readonly delayWithinWorkingHours = (): true => {
    this.CONSUME(Kw.within);
    this.CONSUME(Kw.working);
    this.CONSUME(Kw.hours);
    return true;
  };

  /** `after D [at HH:MM] [within working hours]` */
  delay = this.RULE("delay", (): Delay => {
    const first = this.CONSUME(Kw.after);
    const duration = this.SUBRULE(this.duration);
    const at = this.OPTION(this.delayAt);
    const within = this.OPTION2(this.delayWithinWorkingHours);
    return { kind: "Delay", duration, at, withinWorkingHours: within === true, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  workflowDecl = this.RULE("workflowDecl", (): WorkflowDecl => {
    const first = this.CONSUME(Kw.workflow);
    const name = nameOf(this.CONSUME(StringLiteral));
    const per = this.OPTION(() => {
      this.CONSUME(Kw.per);
      return nameOf(this.CONSUME(NameToken));
    });
    const reentry = this.OPTION2(() => this.CONSUME(Kw.reentry));
    const enrollments: Enrollment[] = [];
    const exits: ExitGoal[] = [];
    const steps: Step[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const member = this.SUBRULE(this.workflowMember);
      if (member?.kind === "Enrollment") enrollments.push(member);
      else if (member?.kind === "ExitGoal") exits.push(member);
      else if (member) steps.push(member);
    });
    this.CONSUME(RCurly);
    return { kind: "WorkflowDecl", name, per, reentry: reentry !== undefined, enrollments, exits, steps, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  workflowMember = this.RULE("workflowMember", (): Enrollment | ExitGoal | Step | undefined => {
    return this.OR<Enrollment | ExitGoal | Step | undefined>([
      {
        ALT: () => {
          const first = this.CONSUME(Kw.enroll);
          this.CONSUME(Kw.on);
          const subject = this.SUBRULE(this.subject);
          const condition = this.OPTION(() => {
            this.CONSUME(Kw.when);
            return this.SUBRULE(this.expression);
          });
          return { kind: "Enrollment", subject, condition, start: this.startFrom(first), end: this.endFrom(first) } satisfies Enrollment;
        },
      },
      {
        ALT: () => {
          const first = this.CONSUME(Kw.exit);
          this.CONSUME2(Kw.when);
          const condition = this.SUBRULE2(this.expression);
          return { kind: "ExitGoal", condition, start: this.startFrom(first), end: this.endFrom(first) } satisfies ExitGoal;
        },
      },
      { ALT: () => this.SUBRULE(this.step) },
    ]);
  }, dropOnError);

  step = this.RULE("step", (): Step | undefined => {
    const first = this.LA(1);
    return this.OR<Step | undefined>({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Kw.wait);
            return this.OR2<Step>([
              {
                ALT: () => {
                  const until = this.CONSUME(Kw.until);
                  return this.OR3<Step>({
                    IGNORE_AMBIGUITIES: true,
                    DEF: [
                      {
                        // `wait until 2 days` means `wait 2 days`: one error that says so, read as that wait,
                        // rather than a number as a condition and then a stray unit
                        GATE: () => this.LA(1).tokenType === NumberLiteral && (tokenMatcher(this.LA(2), TimeUnit) || this.LA(2).tokenType === Kw.business),
                        ALT: () => {
                          const duration = this.SUBRULE3(this.duration);
                          this.problem(`\`wait until\` waits for a condition, such as \`wait until amount > 1000\`; to wait for a time, write \`wait ${duration.amount} ${duration.unitText}\``, until);
                          return { kind: "WaitStep", duration, at: undefined, withinWorkingHours: false, start: this.startFrom(first), end: this.endFrom(first) };
                        },
                      },
                      {
                        ALT: () => {
                          const condition: Expr = this.SUBRULE(this.expression);
                          const timeout = this.OPTION(() => {
                            this.CONSUME(Kw.timeout);
                            return this.SUBRULE(this.duration);
                          });
                          return { kind: "WaitUntilStep", condition, timeout, start: this.startFrom(first), end: this.endFrom(first) };
                        },
                      },
                    ],
                  });
                },
              },
              {
                ALT: () => {
                  const duration = this.SUBRULE2(this.duration);
                  const at = this.OPTION2(this.delayAt);
                  const within = this.OPTION3(this.delayWithinWorkingHours);
                  return { kind: "WaitStep", duration, at, withinWorkingHours: within === true, start: this.startFrom(first), end: this.endFrom(first) };
                },
              },
            ]);
          },
        },
        { ALT: () => this.SUBRULE(this.ifStep) },
        { ALT: () => ({ kind: "StopStep", ...this.tokenPlace(this.CONSUME(Kw.stop)) }) satisfies Step },
        {
          ALT: () => {
            const action = this.SUBRULE(this.action);
            return action ? ({ kind: "ActionStep", action, start: this.startFrom(first), end: this.endFrom(first) } satisfies Step) : undefined;
          },
        },
      ],
      ERR_MSG: "a step (an action, wait, if or stop)",
    });
  }, dropOnError);

  /** `if EXPR { steps } [else if … | else { steps }]` */
  ifStep = this.RULE("ifStep", (): IfStep => {
    const first = this.CONSUME(Kw.if);
    const condition = this.SUBRULE(this.expression);
    const then = this.SUBRULE(this.stepBlock);
    const otherwise = this.OPTION(() => {
      this.CONSUME(Kw.else);
      return this.OR<Step[]>([
        { ALT: () => [this.SUBRULE(this.ifStep)] },
        { ALT: () => this.SUBRULE2(this.stepBlock) },
      ]);
    });
    return { kind: "IfStep", condition, then, else: otherwise, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  stepBlock = this.RULE("stepBlock", (): Step[] => {
    const steps: Step[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const step = this.SUBRULE(this.step);
      if (step) steps.push(step);
    });
    this.CONSUME(RCurly);
    return steps;
  }, noResync);

  /** `entity created|updated|deleted` from the entity's token and the event's. */
  private lifecycle(entity: IToken, eventToken: IToken, event: "created" | "updated" | "deleted"): Subject {
    return { kind: "LifecycleSubject", entity: nameOf(entity), event, start: startOffsetOf(entity), end: endOffsetBetween(entity, eventToken) };
  }
}
