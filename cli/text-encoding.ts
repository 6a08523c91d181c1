// Files are UTF-8. A file saved as UTF-16 (Windows "Unicode") or in a legacy
// 8-bit encoding (Latin-1, Windows-1252) would otherwise reach the parser as
// stray characters, one error per letter: say what it is and how to convert it.
import { basename } from "node:path";
import { FileError, usageError } from "./errors";

const strict = new TextDecoder("utf-8", { fatal: true });

/** The file's text, or an error naming its encoding; a UTF-8 byte order mark is dropped by the callers that care. */
export function decodeUtf8(bytes: Buffer, what: string, path: string): string {
  if (isUtf16(bytes)) throw utf16Error(`${what} ${path}`, path);
  try {
    return strict.decode(bytes);
  } catch {
    const lossy = bytes.toString("utf8");
    const index = lossy.indexOf("\ufffd");
    const before = lossy.slice(0, index);
    const line = before.split("\n").length;
    const column = index - before.lastIndexOf("\n");
    const byte = bytes[Buffer.byteLength(before)]!.toString(16).toUpperCase().padStart(2, "0");
    throw new FileError(
      `cannot read ${what} ${path}: it is not UTF-8 text (line ${line}, column ${column}: byte 0x${byte}; Latin-1 or Windows-1252?). ` +
        `Save it as UTF-8, e.g. \`iconv -f LATIN1 -t UTF-8 ${path} > utf8-${basename(path)}\``,
      path,
      { line, column },
    );
  }
}

/**
 * Whether an input starts as UTF-16: a byte order mark, or a zero byte among the
 * first ones (UTF-16 without a mark: `{\0"\0`). A stream may hand over text it
 * has decoded as UTF-8 already; there the mark is two replacement characters.
 */
export function isUtf16(start: Uint8Array | string): boolean {
  if (typeof start === "string") return start.startsWith("\ufffd\ufffd") || isUtf16(Buffer.from(start.slice(0, 4), "latin1"));
  if (start.length >= 2 && ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff))) return true;
  for (let i = 0; i < Math.min(start.length, 4); i++) if (start[i] === 0) return true;
  return false;
}

/** Editors on Windows start UTF-8 files with a byte order mark; it is not part of the text. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `subject` is what could not be read ("events file x.jsonl"); `path` the file to convert, none for standard input. */
export function utf16Error(subject: string, path?: string): Error {
  const convert = path === undefined ? "pipe it through `iconv -f UTF-16 -t UTF-8`" : `\`iconv -f UTF-16 -t UTF-8 ${path} > utf8-${basename(path)}\``;
  const message = `cannot read ${subject}: it is UTF-16 text, and Stagecraft reads UTF-8. Convert it, e.g. ${convert}`;
  return path === undefined ? usageError(message) : new FileError(message, path);
}
