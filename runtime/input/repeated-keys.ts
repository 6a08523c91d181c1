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
  let inString = false;
  for (let quote = text.indexOf('"'); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    if (!inString) {
      inString = true;
      continue;
    }
    // Inside a string a quote after an odd run of backslashes is escaped.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 1) continue;
    inString = false;
    let next = quote + 1;
    while (isJsonSpace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 58) keys++;
  }
  return keys;
}

/** Keys of every object in a parsed value. Recursion to a depth of 32 (an event's depth is 2 or 3), a stack beyond: the nesting depth is the sender's. */
function heldKeys(value: unknown, depth = 0): number {
  if (typeof value !== "object" || value === null) return 0;
  if (depth > 32) return heldKeysDeep(value);
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += heldKeys(item, depth + 1);
    return keys;
  }
  for (const key in value) keys += 1 + heldKeys((value as Record<string, unknown>)[key], depth + 1);
  return keys;
}

function heldKeysDeep(parsed: unknown): number {
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
      let next = end + 1;
      while (isJsonSpace(text.charCodeAt(next))) next++;
      if (frame?.keys && text.charCodeAt(next) === 58) {
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

function isJsonSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
