// Content digests of IR values: a canonical JSON text (object keys sorted,
// absent fields dropped) hashed with 64-bit FNV-1a over its UTF-8 bytes.
// Pure and synchronous, so the browser computes the same digest as the CLI
// (the Web Crypto digest is asynchronous). FNV-1a is not a cryptographic
// hash: a digest tells versions of a program apart, it does not authenticate one.

/** JSON with object keys in code-unit order and `undefined` fields dropped: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, keysInOrder) ?? "null";
}

// IR objects are mostly built with their keys in one order: copy only those that are not in code-unit order.
function keysInOrder(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort();
      const sorted: Record<string, unknown> = {};
      for (const key of keys) sorted[key] = (value as Record<string, unknown>)[key];
      return sorted;
    }
  }
  return value;
}

const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a of the text's UTF-8 bytes, as 16 lowercase hex digits. The
 * state is two 32-bit halves; every intermediate product stays below 2^53, so
 * it is exact in a double.
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // offset basis 0xcbf29ce484222325
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    // times the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64: 2^40 moves lo's low 24 bits into hi
    const product = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + Math.floor(product / 0x100000000) + (lo << 8)) >>> 0;
    lo = product >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** The digest of an IR value: equal values (whatever their key order) give equal digests. */
export function digestOf(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
