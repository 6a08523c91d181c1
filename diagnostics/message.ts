// A message of the table and the arguments it takes. The template names its
// arguments in braces (`Unknown field \`{field}\``); TypeScript reads those names
// out of the template's literal type, so a report that forgets an argument or
// misspells one does not compile. Braces around spaces (`pipeline { stage … }`)
// are text, not arguments.
import { codes, type Category, type Code } from "./codes";
import type { Severity } from "./diagnostic";

type ArgumentNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? ArgumentName<Name> | ArgumentNames<Rest>
  : never;

/** `{{x}}` is the argument x in braces; a name with a space is text. */
type ArgumentName<Name extends string> = Name extends `{${infer Inner}`
  ? ArgumentName<Inner>
  : Name extends "" | `${string} ${string}`
    ? never
    : Name;

/** The arguments of a template: none, or one value per name. */
export type MessageArguments<T extends string> = [ArgumentNames<T>] extends [never]
  ? []
  : [args: { readonly [Name in ArgumentNames<T>]: string | number }];

export interface DiagnosticMessage<T extends string = string> {
  code: Code;
  severity: Severity;
  category: Category;
  template: T;
}

/** One message of a code; the code's severity and category come with it. */
export function message<T extends string>(code: Code, template: T): DiagnosticMessage<T> {
  const { severity, category } = codes[code];
  return { code, severity, category, template };
}

const argument = /\{(\w+)\}/g;

/** The template with its arguments filled in. */
export function render<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>): string {
  const values = (args[0] ?? {}) as Record<string, string | number>;
  return message.template.replace(argument, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The code, severity and text of a message, ready to be placed. */
export function diagnose<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>) {
  return { code: message.code, severity: message.severity, message: render(message, ...args) };
}
