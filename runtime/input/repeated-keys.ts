// JSON.parse keeps the last of two equal keys in one object and says nothing:
// `{"title":"x","title":"y"}` would run with "y" while the sender meant one of
// them. Counting the keys the text writes against those the parsed value holds
// finds a repeat in one pass over the quotes; only then is the text walked
// again to name the key.

/** Where a key is written twice in one object of `text`: the path to it (`["data", "title"]`, an array index as a number). */
export function repeatedKey(text: string, parsed: unknown): Array<string | number> | undefined {
  if (writtenKeys(text) === heldKeys(parsed)) return undefined;
  return firstRepeat(text);
}

/** Keys written in valid JSON text: strings followed by a colon. */
function writtenKeys(text: string): number {
  let keys = 0;
  for (let quote = text.indexOf('"'); quote !== -1; ) {
    const end = stringEnd(text, quote);
    if (text.charCodeAt(afterSpace(text, end + 1)) === 58) keys++;
    quote = text.indexOf('"', end + 1);
  }
  return keys;
}

/** Keys of every object in a parsed value, walked with a stack of its own: the nesting depth is the sender's. */
function heldKeys(parsed: unknown): number {
  let keys = 0;
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key in value) {
      keys++;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return keys;
}

interface Frame {
  /** The keys of an object so far; undefined for an array. */
  keys: Set<string> | undefined;
  /** The key whose value is being read (objects), or the index of the item (arrays): with the frames below, the path. */
  at: string | number;
}

/** The first key written twice in one object, walking valid JSON text. */
function firstRepeat(text: string): Array<string | number> | undefined {
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const frame = frames[frames.length - 1];
    if (code === 34) {
      const end = stringEnd(text, i);
      if (frame?.keys && text.charCodeAt(afterSpace(text, end + 1)) === 58) {
        // Decoded: `"a"` and `"\u0061"` are the same key.
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (frame.keys.has(key)) return frames.map((open) => open.at).slice(0, -1).concat(key);
        frame.keys.add(key);
        frame.at = key;
      }
      i = end;
    } else if (code === 123 || code === 91) {
      frames.push({ keys: code === 123 ? new Set() : undefined, at: 0 });
    } else if (code === 125 || code === 93) {
      frames.pop();
    } else if (code === 44 && frame && !frame.keys) {
      frame.at = (frame.at as number) + 1;
    }
  }
  return undefined;
}

/** The index of the quote closing the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 34) return i;
  }
  return text.length;
}

/** The index of the first character at or after `from` that is not JSON white space. */
function afterSpace(text: string, from: number): number {
  let i = from;
  for (let code = text.charCodeAt(i); code === 32 || code === 9 || code === 10 || code === 13; code = text.charCodeAt(++i));
  return i;
}
