// Expressions, by precedence from loosest to tightest: or, and, not, comparison
// and `in [...]`, + -, * /, unary minus, primary. Also the small shared pieces
// (field paths, recipients, durations) that every other layer uses.
import { tokenMatcher, type IOrAlt, type IToken, type OrMethodOpts } from "chevrotain";
import type {
  BinaryOperator, Duration, DurationUnit, Expr, ListExpr, Name, PathExpr, Recipient,
} from "../ast";
import { dateOf, dateTimeOf, isMissing, nameOf, numberOf, pathOf, stringOf } from "../nodes";
import { tokenRange } from "../ranges";
import {
  AdditiveOperator, Comma, ComparisonOperator, DateLiteral, DateTimeLiteral, DottedName, Kw, LBracket, LParen,
  Minus, MultiplicativeOperator, Name as NameToken, NumberLiteral, PathWord, RBracket, RParen, StringLiteral, TimeUnit,
} from "../tokens";
import { noResync, ParserBase } from "./base";

const unitsByWord: Record<string, DurationUnit> = {
  minute: "minutes", minutes: "minutes", hour: "hours", hours: "hours",
  day: "days", days: "days", week: "weeks", weeks: "weeks",
};

const valueDescription = "a value (a field, a number, quoted text, true, false, none, this, a list or a condition in parentheses)";

type ComparisonTail = { operator: BinaryOperator; right: Expr } | { options: ListExpr };

export class ExpressionParser extends ParserBase {
  protected binary(operator: BinaryOperator, left: Expr, right: Expr, first: IToken): Expr {
    return { kind: "BinaryExpr", operator, left, right, range: this.spanFrom(first) };
  }

  /** `amount`, `contact.name`, `stage`: one token, split into segments. */
  path = this.RULE("path", (): PathExpr => pathOf(this.CONSUME(PathWord)), noResync);

  /** A bare name or a dotted one kept whole (`invoice.paid`). */
  eventName = this.RULE("eventName", (): Name => {
    const token = this.OR({
      DEF: [
        { ALT: () => this.CONSUME(DottedName) },
        { ALT: () => this.CONSUME(StringLiteral) },
        { ALT: () => this.CONSUME(NameToken) },
      ],
      ERR_MSG: "an event type such as created, stage.opened, invoice.paid or a quoted name",
    });
    return nameOf(token);
  }, noResync);

  /** A field path (`contact`, `lead.contact`, `responsible`) or a quoted user. */
  recipient = this.RULE("recipient", (): Recipient => {
    return this.OR({
      DEF: [
        { ALT: () => stringOf(this.CONSUME(StringLiteral)) },
        { ALT: () => this.SUBRULE(this.path) },
      ],
      ERR_MSG: "a recipient (a field such as contact, responsible, or a quoted user)",
    });
  }, noResync);

  /** `4 days`, `24 hours`, `2 business days`. */
  duration = this.RULE("duration", (): Duration => {
    const amount = this.CONSUME(NumberLiteral);
    const business = this.OPTION(() => this.CONSUME(Kw.business));
    const unitToken = this.CONSUME(TimeUnit);
    let unit = unitsByWord[unitToken.image] ?? "days";
    if (business) {
      if (unit !== "days" && !isMissing(unitToken)) {
        this.problem(`"business" goes with days only (e.g. 2 business days), found "${unitToken.image}"`, unitToken);
      }
      unit = "business_days";
    }
    return {
      kind: "Duration",
      amount: Number(amount.image),
      unit,
      unitText: business ? `business ${unitToken.image}` : unitToken.image,
      range: this.spanFrom(amount),
    };
  }, noResync);

  expression = this.RULE("expression", (): Expr => this.SUBRULE(this.orExpression), noResync);

  orExpression = this.RULE("orExpression", (): Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(Kw.or);
      const right = this.SUBRULE2(this.andExpression);
      left = this.binary("or", left, right, first);
    });
    return left;
  }, noResync);

  andExpression = this.RULE("andExpression", (): Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.CONSUME(Kw.and);
      const right = this.SUBRULE2(this.notExpression);
      left = this.binary("and", left, right, first);
    });
    return left;
  }, noResync);

  // The alternatives of the hottest rules are built once: Chevrotain would
  // otherwise allocate an array of closures on every call (see Chevrotain's
  // performance guide, "caching arrays of alternatives").
  private readonly notAlternatives: OrMethodOpts<Expr> = { ERR_MSG: valueDescription, DEF: [
    {
      ALT: () => {
        const first = this.CONSUME(Kw.not);
        const operand = this.SUBRULE(this.notExpression);
        return { kind: "UnaryExpr", operator: "not", operand, range: this.spanFrom(first) } satisfies Expr;
      },
    },
    { ALT: () => this.SUBRULE(this.comparison) },
  ] };

  notExpression = this.RULE("notExpression", (): Expr => this.OR(this.notAlternatives), noResync);

  private readonly comparisonTail: IOrAlt<ComparisonTail>[] = [
    {
      ALT: () => ({
        operator: this.CONSUME(ComparisonOperator).image as BinaryOperator,
        right: this.SUBRULE2(this.additive),
      }),
    },
    {
      ALT: () => {
        this.CONSUME(Kw.in);
        return { options: this.SUBRULE(this.list) };
      },
    },
  ];

  private readonly readComparisonTail = (): ComparisonTail => this.OR(this.comparisonTail);

  comparison = this.RULE("comparison", (): Expr => {
    const first = this.LA(1);
    const left = this.SUBRULE(this.additive);
    const tail = this.OPTION(this.readComparisonTail);
    if (!tail) return left;
    if ("options" in tail) return { kind: "InExpr", value: left, options: tail.options, range: this.spanFrom(first) };
    return this.binary(tail.operator, left, tail.right, first);
  }, noResync);

  additive = this.RULE("additive", (): Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const operator = this.CONSUME(AdditiveOperator).image as BinaryOperator;
      const right = this.SUBRULE2(this.multiplicative);
      left = this.binary(operator, left, right, first);
    });
    return left;
  }, noResync);

  multiplicative = this.RULE("multiplicative", (): Expr => {
    const first = this.LA(1);
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const operator = this.CONSUME(MultiplicativeOperator).image as BinaryOperator;
      const right = this.SUBRULE2(this.unary);
      left = this.binary(operator, left, right, first);
    });
    return left;
  }, noResync);

  private readonly unaryAlternatives: OrMethodOpts<Expr> = { ERR_MSG: valueDescription, DEF: [
    {
      ALT: () => {
        const first = this.CONSUME(Minus);
        const operand = this.SUBRULE(this.unary);
        return { kind: "UnaryExpr", operator: "-", operand, range: this.spanFrom(first) } satisfies Expr;
      },
    },
    { ALT: () => this.SUBRULE(this.primary) },
  ] };

  unary = this.RULE("unary", (): Expr => this.OR(this.unaryAlternatives), noResync);

  /** `[web, partner]` */
  list = this.RULE("list", (): ListExpr => {
    const first = this.CONSUME(LBracket);
    const items: Expr[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.expression));
      this.MANY(() => {
        this.CONSUME(Comma);
        items.push(this.SUBRULE2(this.expression));
      });
    });
    this.CONSUME(RBracket);
    return { kind: "ListExpr", items, range: this.spanFrom(first) };
  }, noResync);

  private readonly primaryAlternatives: OrMethodOpts<Expr> = {
      DEF: [
        { ALT: () => stringOf(this.CONSUME(StringLiteral)) },
        { ALT: () => numberOf(this.CONSUME(NumberLiteral)) },
        { ALT: () => ({ kind: "BooleanLiteral", value: true, range: tokenRange(this.CONSUME(Kw.true)) }) satisfies Expr },
        { ALT: () => ({ kind: "BooleanLiteral", value: false, range: tokenRange(this.CONSUME(Kw.false)) }) satisfies Expr },
        { ALT: () => dateTimeOf(this.CONSUME(DateTimeLiteral)) },
        { ALT: () => dateOf(this.CONSUME(DateLiteral)) },
        { ALT: () => ({ kind: "NoneExpr", range: tokenRange(this.CONSUME(Kw.none)) }) satisfies Expr },
        { ALT: () => ({ kind: "ThisExpr", range: tokenRange(this.CONSUME(Kw.this)) }) satisfies Expr },
        {
          ALT: () => {
            const first = this.CONSUME(Kw.is);
            this.CONSUME(Kw.open);
            const stage = nameOf(this.CONSUME2(StringLiteral));
            return { kind: "IsOpenExpr", stage, range: this.spanFrom(first) } satisfies Expr;
          },
        },
        { ALT: () => this.SUBRULE(this.list) },
        {
          ALT: () => {
            this.CONSUME(LParen);
            const inner = this.SUBRULE(this.expression);
            this.CONSUME(RParen);
            return inner;
          },
        },
        { ALT: () => this.SUBRULE(this.pathOrCall) },
      ],
      ERR_MSG: valueDescription,
  };

  primary = this.RULE("primary", (): Expr => this.OR(this.primaryAlternatives), noResync);

  /** `contact.name`, or a call when a `(` follows: `changed(amount)`. */
  pathOrCall = this.RULE("pathOrCall", (): Expr => {
    const first = this.LA(1);
    const path = this.SUBRULE(this.path);
    const call = this.OPTION(() => {
      this.CONSUME(LParen);
      const args: Expr[] = [];
      this.OPTION2(() => {
        args.push(this.SUBRULE(this.expression));
        this.MANY(() => {
          this.CONSUME(Comma);
          args.push(this.SUBRULE2(this.expression));
        });
      });
      this.CONSUME(RParen);
      return args;
    });
    if (!call) return path;
    const callee: Name = {
      kind: "Name",
      text: path.segments?.map((segment) => segment.text).join("."),
      quoted: false,
      range: path.range,
    };
    return { kind: "CallExpr", callee, args: call, range: this.spanFrom(first) };
  }, noResync);

  /** True when the next token can be read as a quoted string. */
  protected nextIsString(k: number): boolean {
    return tokenMatcher(this.LA(k), StringLiteral);
  }
}
