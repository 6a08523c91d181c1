import { type Category, type Code } from "./codes";
import type { Severity } from "./diagnostic";
type ArgumentNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? ArgumentName<Name> | ArgumentNames<Rest> : never;
/** `{{x}}` is the argument x in braces; a name with a space is text. */
type ArgumentName<Name extends string> = Name extends `{${infer Inner}` ? ArgumentName<Inner> : Name extends "" | `${string} ${string}` ? never : Name;
/** The arguments of a template: none, or one value per name. */
export type MessageArguments<T extends string> = [ArgumentNames<T>] extends [never] ? [] : [args: {
    readonly [Name in ArgumentNames<T>]: string | number;
}];
export interface DiagnosticMessage<T extends string = string> {
    code: Code;
    severity: Severity;
    category: Category;
    template: T;
}
/** One message of a code; the code's severity and category come with it. */
export declare function message<T extends string>(code: Code, template: T): DiagnosticMessage<T>;
/** The template with its arguments filled in. */
export declare function render<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>): string;
/** The code, severity and text of a message, ready to be placed. */
export declare function diagnose<T extends string>(message: DiagnosticMessage<T>, ...args: MessageArguments<T>): {
    code: "SC0001" | "SC0002" | "SC0003" | "SC2001" | "SC2002" | "SC2003" | "SC2004" | "SC2005" | "SC2006" | "SC2007" | "SC2008" | "SC2009" | "SC2010" | "SC2011" | "SC2012" | "SC2101" | "SC2201" | "SC2202" | "SC2203" | "SC2204" | "SC2205" | "SC2206" | "SC2207" | "SC2208" | "SC2209" | "SC2301" | "SC2302" | "SC2311" | "SC2312" | "SC2313" | "SC2314" | "SC2315" | "SC2316" | "SC2317" | "SC2401" | "SC2402" | "SC2403" | "SC2404" | "SC2405" | "SC2406" | "SC2407" | "SC2408" | "SC2501" | "SC2502" | "SC2503" | "SC2601" | "SC2602" | "SC2603" | "SC2604" | "SC2701" | "SC2702" | "SC2703" | "SC2704" | "SC3001" | "SC3002" | "SC3003" | "SC3004" | "SC3005" | "SC3006" | "SC3007" | "SC3008" | "SC3009" | "SC3010" | "SC3011" | "SC4001" | "SC4002" | "SC4003" | "SC4004" | "SC4005" | "SC4006" | "SC9999";
    severity: Severity;
    message: string;
};
export {};
