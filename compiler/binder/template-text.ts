// Template texts are split at `{path}` and `{path|'default'}` placeholders once,
// here, so neither the checker nor the runtime re-parses them. `{{` is not
// special: a `{` without a closing `}` or with a non-path inside stays literal
// text. A default is quoted text, in single quotes (or double quotes, escaped
// inside a quoted text); anything else after `|` is kept as written for the
// checker to report (SC2303).
import type { TemplateText } from "../../runtime/program/ir";

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?:\|("[^"}]*"|'[^'}]*'|[^}]*))?\}/g;

export interface Placeholder {
  /** `{contact.name}` → ["contact", "name"]. */
  path: string[];
  /** The default's text without its quotes: what none (or empty text) prints. */
  default?: string;
  /** What follows `|` when it is not quoted text. */
  badDefault?: string;
  /** The placeholder as written, braces included. */
  written: string;
  /** Where `written` starts in the text. */
  index: number;
}

/** Every placeholder of a raw text, in order. */
export function placeholdersOf(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  if (!text.includes("{")) return found;
  for (const match of text.matchAll(placeholder)) {
    const after = match[2];
    const quoted = after !== undefined && after.length >= 2 && (after[0] === '"' || after[0] === "'") && after.endsWith(after[0]);
    found.push({
      path: match[1]!.split("."),
      ...(after === undefined ? {} : quoted ? { default: after.slice(1, -1) } : { badDefault: after }),
      written: match[0],
      index: match.index,
    });
  }
  return found;
}

export function splitTemplateText(text: string): TemplateText {
  const parts: TemplateText = [];
  let last = 0;
  for (const found of placeholdersOf(text)) {
    if (found.index > last) parts.push(text.slice(last, found.index));
    parts.push(found.default === undefined ? { path: found.path } : { path: found.path, default: found.default });
    last = found.index + found.written.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
