// Expressions, by precedence from loosest to tightest: or, and, not, comparison
// and `in [...]`, + -, * /, then one operand (`unary`: a minus, a literal, a list,
// a parenthesised condition, a field path or a call). The binary levels are read
// in one rule and arranged by OperatorChain. Also the small shared pieces (field
// paths, recipients, durations) that every other layer uses.
import { tokenMatcher, type IOrAlt, type OrMethodOpts } from "chevrotain";
import type {
  BinaryOperator, Duration, DurationUnit, Expr, ListExpr, Name, PathExpr, Recipient,
} from "../ast";
import { dateOf, dateTimeOf, isMissing, nameOf, numberOf, pathOf, stringOf } from "../nodes";
import {
  AdditiveOperator, Comma, ComparisonOperator, DateLiteral, DateTimeLiteral, DottedName, Kw, LBracket, LogicalOperator, LParen,
  Minus, MultiplicativeOperator, Name as NameToken, NumberLiteral, PathWord, RBracket, RParen, StringLiteral, SymbolOperator, TimeUnit,
} from "../tokens";
import { noResync, ParserBase } from "./base";
import { OperatorChain } from "./operator-chain";

const unitsByWord: Record<string, DurationUnit> = {
  minute: "minutes", minutes: "minutes", hour: "hours", hours: "hours",
  day: "days", days: "days", week: "weeks", weeks: "weeks",
};

const valueDescription = "a value (a field, a number, quoted text, true, false, none, this, a list or a condition in parentheses)";

export class ExpressionParser extends ParserBase {
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
        { ALT: () => this.fieldPath() },
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
      start: this.startFrom(amount), end: this.endFrom(amount),
    };
  }, noResync);

  /** The chain being read by the innermost `expression` call (a nested one saves and restores it). */
  private chain = new OperatorChain();

  private readonly readNot = (): void => this.chain.prefixNot(this.CONSUME1(Kw.not));
  private readonly readNotAfterLogical = (): void => this.chain.prefixNot(this.CONSUME2(Kw.not));

  /**
   * The grammar lets any operator follow an operand; the language allows one
   * comparison (or `[not] in`) between two and/or, and nothing but and/or after
   * `[not] in [...]`. Stopping here leaves the operator to whoever called, as the
   * rule-per-level grammar did, so the syntax errors stay the same.
   */
  private readonly mayContinue = (): boolean => {
    const chain = this.chain;
    if (!chain.hasComparison) return true;
    const next = this.LA(1);
    if (tokenMatcher(next, ComparisonOperator) || tokenMatcher(next, Kw.in) || tokenMatcher(next, Kw.not)) return false;
    return !(chain.endsWithIn && (tokenMatcher(next, AdditiveOperator) || tokenMatcher(next, MultiplicativeOperator)));
  };

  private readonly operatorAlternatives: IOrAlt<void>[] = [
    {
      // and, or: a `not` may follow them
      ALT: () => {
        this.chain.infix(this.CONSUME(LogicalOperator).image as BinaryOperator);
        this.MANY3(this.readNotAfterLogical);
        const first = this.LA(1);
        this.chain.operand(this.SUBRULE2(this.unary), first, this.LA(0));
      },
    },
    {
      // comparison, + - and * /: the chain ranks them by the operator's text
      ALT: () => {
        this.chain.infix(this.CONSUME(SymbolOperator).image as BinaryOperator);
        const first = this.LA(1);
        this.chain.operand(this.SUBRULE3(this.unary), first, this.LA(0));
      },
    },
    {
      // `in [...]` or `not in [...]`: a `not` after an operand can only start `not in`
      ALT: () => {
        const negated = this.OPTION(() => this.CONSUME3(Kw.not)) !== undefined;
        this.CONSUME(Kw.in);
        const options = this.SUBRULE(this.list);
        this.chain.inList(options, negated, this.LA(0));
      },
    },
  ];

  private readonly continueChain = { GATE: this.mayContinue, DEF: (): void => this.OR(this.operatorAlternatives) };

  /** `not a == b and c in [1, 2] or d * 2 > e`: operands and operators in one flat run. */
  expression = this.RULE("expression", (): Expr => {
    const outer = this.chain;
    const chain = (this.chain = new OperatorChain());
    try {
      this.MANY1(this.readNot);
      const first = this.LA(1);
      chain.operand(this.SUBRULE1(this.unary), first, this.LA(0));
      this.MANY2(this.continueChain);
      return this.RECORDING_PHASE ? (undefined as unknown as Expr) : chain.finish();
    } finally {
      this.chain = outer;
    }
  }, noResync);

  // One rule reads a whole operand: a minus, a literal, a list, a parenthesised
  // condition, or a field path with an optional call. Every operand of every
  // condition goes through it, so it costs one rule invocation, not one per kind
  // of operand (bench/README.md, "Figures behind the code").
  private readonly unaryAlternatives: OrMethodOpts<Expr> = { ERR_MSG: valueDescription, DEF: [
    {
      ALT: () => {
        const first = this.CONSUME(Minus);
        const operand = this.SUBRULE(this.unary);
        return { kind: "UnaryExpr", operator: "-", operand, start: this.startFrom(first), end: this.endFrom(first) } satisfies Expr;
      },
    },
    { ALT: () => stringOf(this.CONSUME(StringLiteral)) },
    { ALT: () => numberOf(this.CONSUME(NumberLiteral)) },
    { ALT: () => ({ kind: "BooleanLiteral", value: true, ...this.tokenPlace(this.CONSUME(Kw.true)) }) satisfies Expr },
    { ALT: () => ({ kind: "BooleanLiteral", value: false, ...this.tokenPlace(this.CONSUME(Kw.false)) }) satisfies Expr },
    { ALT: () => dateTimeOf(this.CONSUME(DateTimeLiteral)) },
    { ALT: () => dateOf(this.CONSUME(DateLiteral)) },
    { ALT: () => ({ kind: "NoneExpr", ...this.tokenPlace(this.CONSUME(Kw.none)) }) satisfies Expr },
    { ALT: () => ({ kind: "ThisExpr", ...this.tokenPlace(this.CONSUME(Kw.this)) }) satisfies Expr },
    {
      ALT: () => {
        const first = this.CONSUME(Kw.is);
        this.CONSUME(Kw.open);
        const stage = nameOf(this.CONSUME2(StringLiteral));
        return { kind: "IsOpenExpr", stage, start: this.startFrom(first), end: this.endFrom(first) } satisfies Expr;
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
    { ALT: () => this.pathOrCall() },
  ] };

  /** `-x`, a literal, `[...]`, `(...)`, a field path or a call: one operand of a condition. */
  unary = this.RULE("unary", (): Expr => this.OR(this.unaryAlternatives), noResync);

  /** `[web, partner]` */
  list = this.RULE("list", (): ListExpr => {
    const first = this.CONSUME(LBracket);
    const items = this.SUBRULE(this.expressions);
    this.CONSUME(RBracket);
    return { kind: "ListExpr", items, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `a, b, c`, possibly none: a list's items and a call's arguments. */
  expressions = this.RULE("expressions", (): Expr[] => {
    const items: Expr[] = [];
    this.OPTION(() => {
      items.push(this.SUBRULE(this.expression));
      this.MANY(() => {
        this.CONSUME(Comma);
        items.push(this.SUBRULE2(this.expression));
      });
    });
    return items;
  }, noResync);

  private readonly callArguments = (): Expr[] => {
    this.CONSUME2(LParen);
    const args = this.SUBRULE2(this.expressions);
    this.CONSUME2(RParen);
    return args;
  };

  /** `contact.name`, or a call when a `(` follows: `changed(amount)`. Part of `unary`. */
  private pathOrCall(): Expr {
    const first = this.LA(1);
    const path = this.fieldPath();
    const args = this.OPTION(this.callArguments);
    if (!args) return path;
    const callee: Name = {
      kind: "Name",
      text: path.segments?.map((segment) => segment.text).join("."),
      quoted: false,
      start: path.start,
      end: path.end,
    };
    return { kind: "CallExpr", callee, args, start: this.startFrom(first), end: this.endFrom(first) };
  }

  /**
   * `amount`, `contact.name`, `stage`: one token, split into segments. A helper,
   * not a rule (a rule invocation costs more than the token), so its
   * `CONSUME(PathWord)` belongs to the calling rule: each rule may call it (also
   * through `pathOrCall`) only once, or two consumes would share occurrence 0.
   * Only the grammar validation test (test/grammar/grammar-validation.test.ts)
   * catches a breach, as the CLI skips validation.
   */
  protected fieldPath(): PathExpr {
    return pathOf(this.CONSUME(PathWord));
  }

  /** True when the next token can be read as a quoted string. */
  protected nextIsString(k: number): boolean {
    return tokenMatcher(this.LA(k), StringLiteral);
  }
}
