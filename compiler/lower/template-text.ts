// Texts with `{path}` placeholders are split once, at compile time, so the
// runtime substitutes values without ever parsing a template.
import type { TemplateText } from "../../runtime/ir";

const placeholder = /\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*\}/g;

/** `"Hello {contact.name}!"` → `["Hello ", { path: ["contact", "name"] }, "!"]`. */
export function splitTemplateText(text: string): TemplateText {
  const parts: TemplateText = [];
  let last = 0;
  for (const match of text.matchAll(placeholder)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ path: match[1]!.split(".").map((segment) => segment.trim()) });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
