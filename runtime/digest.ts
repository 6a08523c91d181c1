// Content digests of IR values: a canonical JSON text (object keys sorted,
// absent fields dropped) hashed with 64-bit FNV-1a over its UTF-8 bytes.
// Pure and synchronous, so the browser computes the same digest as the CLI
// (the Web Crypto digest is asynchronous). FNV-1a is not a cryptographic
// hash: a digest tells versions of a program apart, it does not authenticate one.

/** JSON with object keys in code-unit order and `undefined` fields dropped: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return text + "]";
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  let text = "{";
  for (let i = 0; i < keys.length; i++) text += (i === 0 ? "" : ",") + JSON.stringify(keys[i]) + ":" + canonicalJson(record[keys[i]!]);
  return text + "}";
}

const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a of the text's UTF-8 bytes, as 16 lowercase hex digits. The
 * 64-bit state is four 16-bit limbs, so every product stays exact in a double.
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // offset basis 0xcbf29ce484222325, low limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (t1 >>> 16) + ((h0 & 0xff) << 8);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (h0 >>> 8) + ((h1 & 0xff) << 8);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, "0");
}

/** The digest of an IR value: equal values (whatever their key order) give equal digests. */
export function digestOf(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
