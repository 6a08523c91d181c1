// Template texts are split at `{path}` placeholders once, here, so neither the
// checker nor the runtime re-parses them. `{{` is not special: a `{` without a
// closing `}` or with a non-path inside stays literal text.
import type { TemplateText } from "../../runtime/program/ir";

const placeholder = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}/g;

export function splitTemplateText(text: string): TemplateText {
  const parts: TemplateText = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push({ path: match[1]!.split(".") });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The placeholder paths of a raw text, without splitting it (checks of `notify` texts read only these). */
export function placeholderPathsOf(text: string): string[][] {
  const paths: string[][] = [];
  if (!text.includes("{")) return paths;
  placeholder.lastIndex = 0;
  for (let match = placeholder.exec(text); match !== null; match = placeholder.exec(text)) paths.push(match[1]!.split("."));
  return paths;
}

export function placeholderPaths(text: TemplateText): string[][] {
  return text.flatMap((part) => (typeof part === "string" ? [] : [part.path]));
}
