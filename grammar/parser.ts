// The Stagecraft parser: one instance, built once (Chevrotain's self-analysis is
// slow) and fed one top-level item at a time by `parse` in parse.ts.
import { EOF, type IToken, type OrMethodOpts } from "chevrotain";
import type { TopLevelItem } from "./ast";
import type { GrammarOptions } from "./parser/base";
import { TestParser } from "./parser/tests";

export class StagecraftParser extends TestParser {
  // built once, not on every call (see the note in parser/base.ts)
  private readonly topLevelAlternatives: OrMethodOpts<TopLevelItem> = {
    DEF: [
      { ALT: () => this.SUBRULE(this.calendarDecl) },
      { ALT: () => this.SUBRULE(this.entityDecl) },
      { ALT: () => this.SUBRULE(this.templateDecl) },
      { ALT: () => this.SUBRULE(this.teamDecl) },
      { ALT: () => this.SUBRULE(this.eventDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.workflowDecl) },
      { ALT: () => this.SUBRULE(this.testDecl) },
    ],
    ERR_MSG: "a declaration (calendar, entity, template, team, event), a rule (on …), a workflow or a test",
  };

  /** One declaration, rule, workflow or test; undefined when it could not be read. */
  topLevelItem = this.RULE("topLevelItem", (): TopLevelItem | undefined => this.OR(this.topLevelAlternatives), {
    recoveryValueFunc: () => undefined,
  });

  /** The next token the parser would read (EOF past the end of the item's tokens). */
  peek(): IToken {
    return this.LA(1);
  }

  atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  constructor(options: GrammarOptions = {}) {
    super(options);
    this.performSelfAnalysis();
  }
}
