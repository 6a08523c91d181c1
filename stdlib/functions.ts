// Functions callable in expressions. `changed` and `previous` read the triggering
// change; the others are pure. The runtime implements each by name.
import type { PrimitiveTypeName } from "./types";

/** A parameter accepts any of these types; `field` means a field path of the record itself. */
export type ParameterType = PrimitiveTypeName | "field" | "any";

/** The result type: a fixed type, or the type of the first argument. */
export type ReturnType = PrimitiveTypeName | "first argument";

export interface FunctionInfo {
  name: string;
  signature: string;
  doc: string;
  parameters: ParameterType[][];
  returns: ReturnType;
  /** Reads the triggering change, so only rules with one may call it. */
  readsChange: boolean;
}

export const functions: readonly FunctionInfo[] = [
  {
    name: "changed",
    signature: "changed(field): bool",
    doc: "True when the triggering change set this field.",
    parameters: [["field"]],
    returns: "bool",
    readsChange: true,
  },
  {
    name: "previous",
    signature: "previous(field): <type of field>",
    doc: "The field's value before the triggering change.",
    parameters: [["field"]],
    returns: "first argument",
    readsChange: true,
  },
  {
    name: "days_since",
    signature: "days_since(date | datetime): number",
    doc: "Whole calendar days from the value to the triggering event's time, in the calendar's time zone.",
    parameters: [["date", "datetime"]],
    returns: "number",
    readsChange: false,
  },
  { name: "lower", signature: "lower(text): text", doc: "The text in lower case.", parameters: [["text", "email"]], returns: "text", readsChange: false },
  { name: "upper", signature: "upper(text): text", doc: "The text in upper case.", parameters: [["text", "email"]], returns: "text", readsChange: false },
  { name: "len", signature: "len(text): number", doc: "The number of characters of the text.", parameters: [["text", "email", "phone"]], returns: "number", readsChange: false },
  {
    name: "contains",
    signature: "contains(text, text): bool",
    doc: "True when the first text contains the second (case-sensitive).",
    parameters: [["text", "email", "phone"], ["text"]],
    returns: "bool",
    readsChange: false,
  },
];

const byName = new Map(functions.map((fn) => [fn.name, fn]));

export function findFunction(name: string): FunctionInfo | undefined {
  return byName.get(name);
}
