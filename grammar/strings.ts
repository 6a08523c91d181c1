// String literal values: escapes resolved, and what is wrong with a string the
// lexer could only half read.

const simpleEscapes: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };

/** The value of a quoted literal as written (`"a\"b"` → `a"b`); lenient with bad escapes. */
export function unquote(image: string): string {
  const body = (image.endsWith('"') || (image.startsWith("\u201C") && image.endsWith("\u201D"))) && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u\{([0-9A-Fa-f]{1,6})\}|.?)/g, (_whole, escape: string, hex?: string) => {
    if (hex !== undefined) {
      const codePoint = parseInt(hex, 16);
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "";
    }
    return simpleEscapes[escape] ?? escape;
  });
}

/** Why a string token is malformed, in the user's words; undefined when it is fine. */
export function stringProblem(image: string): string | undefined {
  if (image.startsWith("\u201C")) return `curly quotes are not quotes: write ${image.replace(/^\u201C|\u201D$/g, '"')} in straight double quotes`;
  if (image.length < 2 || !image.endsWith('"') || /(^|[^\\])(\\\\)*\\"$/.test(image)) {
    return "this string is not closed: add a \" before the end of the line";
  }
  const badEscape = /\\(u\{[0-9A-Fa-f]{1,6}\}|["\\nt]|.?)/g;
  for (let match = badEscape.exec(image); match; match = badEscape.exec(image)) {
    const escape = match[1] ?? "";
    if (escape.startsWith("u{")) {
      if (parseInt(escape.slice(2, -1), 16) > 0x10ffff) return `\\${escape} is not a Unicode code point`;
    } else if (!['"', "\\", "n", "t"].includes(escape)) {
      return `unknown escape \\${escape} in a string: use \\" \\\\ \\n \\t or \\u{hex}`;
    }
  }
  return undefined;
}
