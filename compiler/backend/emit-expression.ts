// IR expressions as TypeScript expressions over `ctx` (an EvalContext). Each
// node calls the function the engine's interpreter calls for it
// (runtime/expressions/expression-semantics.ts; an operator's name comes from
// runtime/expressions/operator-table.ts), by the name the runtime exports it under, so an
// emitted condition and the engine's closure agree on every input. Only the
// boolean connectives are inlined, and constant lists lifted.
import type { Expr, Recipient, TemplateText } from "../../runtime/program/ir";
import { arithmeticSemantics, comparisonSemantics, type SemanticsName } from "../../runtime/expressions/operator-table";
import { dataLiteral, stringLiteral } from "./literals";

/** Helpers that emitted code imports from the runtime, recorded as they are used. */
export class HelperImports {
  readonly used = new Set<SemanticsName>();

  use(name: SemanticsName): string {
    this.used.add(name);
    return name;
  }
}

/** Constant lists lifted to module level, so a condition allocates nothing per call. */
export class ConstantPool {
  readonly declarations: Array<{ name: string; initializer: string }> = [];
  private readonly byText = new Map<string, string>();

  add(initializer: string): string {
    let name = this.byText.get(initializer);
    if (name === undefined) {
      name = `options${this.declarations.length}`;
      this.byText.set(initializer, name);
      this.declarations.push({ name, initializer });
    }
    return name;
  }
}

const BOOLEAN_KINDS = new Set<Expr["kind"]>(["not", "and", "or", "compare", "in", "changed", "isOpen"]);

export class ExpressionEmitter {
  /** How many times emitted code has read `ctx`: tells a function whether it needs its parameter. */
  private contextReads = 0;

  constructor(
    private readonly helpers: HelperImports,
    private readonly constants: ConstantPool,
  ) {}

  private get ctx(): string {
    this.contextReads++;
    return "ctx";
  }

  /** An arrow function over the code `produce` emits; without a parameter when it reads no context. */
  lambda(produce: () => string): string {
    const { code, readsContext } = this.measure(produce);
    return readsContext ? `(ctx) => ${code}` : `() => ${code}`;
  }

  /** Code and whether it reads `ctx`. */
  measure(produce: () => string): { code: string; readsContext: boolean } {
    const before = this.contextReads;
    const code = produce();
    return { code, readsContext: this.contextReads !== before };
  }

  /** An expression that is true exactly when the IR expression evaluates to `true`. */
  condition(expr: Expr): string {
    if (expr.kind === "literal") return expr.value === true ? "true" : "false";
    return BOOLEAN_KINDS.has(expr.kind) ? this.value(expr) : `${this.value(expr)} === true`;
  }

  /** An expression of type Value. */
  value(expr: Expr): string {
    const h = (name: SemanticsName) => this.helpers.use(name);
    switch (expr.kind) {
      case "literal":
        return dataLiteral(expr.value);
      case "field":
        return this.path(expr.path);
      case "eventField":
        return `${h("eventField")}(${this.ctx}, ${stringLiteral(expr.field)})`;
      case "this":
        return `${this.ctx}.record.ref`;
      case "not":
        return `!(${this.condition(expr.operand)})`;
      case "negate":
        return `${h("negate")}(${this.value(expr.operand)})`;
      case "and":
        return `(${this.condition(expr.left)} && ${this.condition(expr.right)})`;
      case "or":
        return `(${this.condition(expr.left)} || ${this.condition(expr.right)})`;
      case "compare":
        return `${h(comparisonSemantics[expr.op])}(${this.value(expr.left)}, ${this.value(expr.right)}, ${this.ctx})`;
      case "arithmetic":
        return `${h(arithmeticSemantics[expr.op])}(${this.value(expr.left)}, ${this.value(expr.right)})`;
      case "in":
        return `${h("isIn")}(${this.value(expr.value)}, ${this.options(expr.options)}, ${this.ctx})`;
      case "changed":
        return `${h("changed")}(${this.ctx}, ${stringLiteral(expr.field)})`;
      case "previous":
        return `${h("previous")}(${this.ctx}, ${stringLiteral(expr.field)})`;
      case "isOpen":
        return `${h("isOpen")}(${this.ctx}, ${stringLiteral(expr.stage)})`;
      case "text":
        return `(${this.text(expr.parts)})`;
      case "call":
        return `${h("callFunction")}(${stringLiteral(expr.fn)}, [${expr.args.map((arg) => this.value(arg)).join(", ")}], ${this.ctx})`;
    }
  }

  /** A field path of the rule's record, following references; none through an empty link. */
  path(path: readonly string[]): string {
    const fieldOf = this.helpers.use("fieldOf");
    let code = `${fieldOf}(${this.ctx}.record, ${stringLiteral(path[0]!)})`;
    for (const name of path.slice(1)) code = `${fieldOf}(${this.helpers.use("follow")}(${this.ctx}, ${code}), ${stringLiteral(name)})`;
    return code;
  }

  recipient(recipient: Recipient): string {
    return recipient.kind === "user" ? stringLiteral(recipient.user) : this.path(recipient.path);
  }

  /** Template text with its `{path}` placeholders read from the record. */
  text(text: TemplateText): string {
    if (text.length === 0) return '""';
    return text
      .map((part) => {
        if (typeof part === "string") return stringLiteral(part);
        const fallback = part.default === undefined ? "" : `, ${stringLiteral(part.default)}`;
        return `${this.helpers.use("placeholder")}(${this.path(part.path)}${fallback})`;
      })
      .join(" + ");
  }

  private options(options: Expr[]): string {
    const list = `[${options.map((option) => this.value(option)).join(", ")}]`;
    return options.every((option) => option.kind === "literal") ? this.constants.add(list) : list;
  }
}
