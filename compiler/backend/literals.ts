// Rule text enters the emitted module only as escaped literals, never as code
// or comments: a name may hold quotes, backslashes, `${}`, `*/`, line
// separators or `</script>`, and must come out as the same string value.

// Control, format and line-separator characters (bidirectional overrides
// included, the "Trojan Source" trick) are escaped so the file shows what it
// means; `<` so that `</script>` cannot close an inline script.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb<]/g;

/** A double-quoted TypeScript string literal with the same value as `text`. */
export function stringLiteral(text: string): string {
  // JSON escapes quotes, backslashes, C0 controls and lone surrogates.
  return JSON.stringify(text).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name in an object literal or interface: bare when it is a plain identifier. */
export function propertyName(name: string): string {
  // `__proto__: v` in an object literal sets the prototype instead of a property.
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** A property name in an interface, where `__proto__` is an ordinary member. */
export function memberName(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

const SHORT_LINE = 100;

/**
 * Plain data (the IR) as a TypeScript expression: key order kept, undefined
 * properties left out as JSON does, one property per line once a value is
 * not short, so the formatter only has to indent.
 */
export function dataLiteral(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return stringLiteral(value);
    case "number":
      return numberLiteral(value);
    case "boolean":
      return String(value);
    case "object":
      return Array.isArray(value) ? arrayLiteral(value) : objectLiteral(value as Record<string, unknown>);
    default:
      throw new Error(`cannot emit a ${typeof value} as data`);
  }
}

function arrayLiteral(items: readonly unknown[]): string {
  if (items.length === 0) return "[]";
  const parts = items.map((item) => dataLiteral(item === undefined ? null : item));
  return layout("[", parts, "]");
}

function objectLiteral(object: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === undefined) continue;
    parts.push(`${propertyName(key)}: ${dataLiteral(value)}`);
  }
  if (parts.length === 0) return "{}";
  return layout("{ ", parts, " }", "{", "}");
}

function layout(open: string, parts: string[], close: string, openBlock = open, closeBlock = close): string {
  const inline = `${open}${parts.join(", ")}${close}`;
  if (inline.length <= SHORT_LINE && !inline.includes("\n")) return inline;
  return `${openBlock}\n${parts.join(",\n")},\n${closeBlock}`;
}
