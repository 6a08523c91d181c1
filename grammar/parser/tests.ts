// `test "name" { at … ; until … ; expect … }` blocks: scenarios the CLI's
// `test` command replays.
import type { Literal, TestDecl, TestExpect, TestField, TestOutput, TestStatement } from "../ast";
import { dateOf, dateTimeOf, nameOf, negativeNumberOf, numberOf, stringOf, wordAsString } from "../nodes";
import { endOffsetBetween, startOffsetOf } from "../ranges";
import {
  Colon, Comma, DateLiteral, DateTimeLiteral, DottedName, Kw, LCurly, Minus, Name as NameToken, NumberLiteral,
  RCurly, StringLiteral,
} from "../tokens";
import { dropOnError, noResync } from "./base";
import { DeclarationParser } from "./declarations";

export class TestParser extends DeclarationParser {
  testDecl = this.RULE("testDecl", (): TestDecl => {
    const first = this.CONSUME(Kw.test);
    const name = nameOf(this.CONSUME(StringLiteral));
    const statements: TestStatement[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const statement = this.SUBRULE(this.testStatement);
      if (statement) statements.push(statement);
    });
    this.CONSUME(RCurly);
    return { kind: "TestDecl", name, statements, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  testStatement = this.RULE("testStatement", (): TestStatement | undefined => {
    const first = this.LA(1);
    return this.OR<TestStatement>({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Kw.at);
            const at = dateTimeOf(this.CONSUME(DateTimeLiteral));
            const record = stringOf(this.CONSUME(StringLiteral));
            const eventType = this.SUBRULE(this.eventName);
            const data = this.OPTION(() => this.SUBRULE(this.testData)) ?? [];
            return { kind: "TestEvent", at, record, eventType, data, start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.until);
            return { kind: "TestUntil", at: dateTimeOf(this.CONSUME2(DateTimeLiteral)), start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.expect);
            let negated = false;
            let count: TestExpect["count"];
            this.OPTION2(() =>
              this.OR2([
                { ALT: () => void (negated = this.CONSUME(Kw.no) !== undefined) },
                { ALT: () => void (count = numberOf(this.CONSUME(NumberLiteral))) },
              ]),
            );
            const output = this.SUBRULE(this.testOutput);
            const before = this.OPTION3(() => {
              this.CONSUME(Kw.before);
              return this.SUBRULE2(this.testOutput);
            });
            return { kind: "TestExpect", negated, count, output, before, start: this.startFrom(first), end: this.endFrom(first) };
          },
        },
      ],
      ERR_MSG: "a test statement (at …, until … or expect …)",
    });
  }, dropOnError);

  testOutput = this.RULE("testOutput", (): TestOutput => {
    const first = this.LA(1);
    const outputType = this.SUBRULE(this.eventName);
    const record = this.OPTION(() => stringOf(this.CONSUME(StringLiteral)));
    const data = this.OPTION2(() => this.SUBRULE(this.testData)) ?? [];
    const by = this.OPTION3(() => {
      this.CONSUME(Kw.by);
      const what = this.OR([
        { ALT: () => (this.CONSUME(Kw.rule), "rule" as const) },
        { ALT: () => (this.CONSUME(Kw.workflow), "workflow" as const) },
      ]);
      return { what, name: stringOf(this.CONSUME2(StringLiteral)) };
    });
    // `at T "type/id"` on the next line is the next input event, not this expectation's time
    const at = this.OPTION4({
      GATE: () => !this.nextIsString(3),
      DEF: () => {
        this.CONSUME(Kw.at);
        return dateTimeOf(this.CONSUME(DateTimeLiteral));
      },
    });
    return { kind: "TestOutput", outputType, record, data, by, at, start: this.startFrom(first), end: this.endFrom(first) };
  }, noResync);

  /** `{ field: literal, … }` (commas optional) */
  override testData = this.RULE("testData", (): TestField[] => {
    const fields: TestField[] = [];
    this.CONSUME(LCurly);
    this.MANY(() => {
      const field = this.SUBRULE(this.testField);
      if (field) fields.push(field);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RCurly);
    return fields;
  }, noResync);

  testField = this.RULE("testField", (): TestField | undefined => {
    const first = this.LA(1);
    const name = nameOf(this.CONSUME(NameToken));
    this.CONSUME(Colon);
    const value = this.SUBRULE(this.testLiteral);
    return { kind: "TestField", name, value, start: this.startFrom(first), end: this.endFrom(first) };
  }, dropOnError);

  /**
   * A literal in test data. A bare word (an enum value such as `web`) or a dotted
   * name is read as a StringLiteral holding the word, since event data is JSON.
   */
  testLiteral = this.RULE("testLiteral", (): Literal => {
    return this.OR<Literal>({
      DEF: [
        { ALT: () => stringOf(this.CONSUME(StringLiteral)) },
        {
          ALT: () => {
            const minus = this.OPTION(() => this.CONSUME(Minus));
            const number = this.CONSUME(NumberLiteral);
            if (!minus) return numberOf(number);
            return negativeNumberOf(number, { start: startOffsetOf(minus), end: endOffsetBetween(minus, number) });
          },
        },
        { ALT: () => ({ kind: "BooleanLiteral", value: true, ...this.tokenPlace(this.CONSUME(Kw.true)) }) },
        { ALT: () => ({ kind: "BooleanLiteral", value: false, ...this.tokenPlace(this.CONSUME(Kw.false)) }) },
        { ALT: () => dateTimeOf(this.CONSUME(DateTimeLiteral)) },
        { ALT: () => dateOf(this.CONSUME(DateLiteral)) },
        { ALT: () => wordAsString(this.CONSUME(NameToken)) },
        { ALT: () => wordAsString(this.CONSUME(DottedName)) },
      ],
      ERR_MSG: "a value (quoted text, a number, true, false, a date or an enum value)",
    });
  }, noResync);
}
