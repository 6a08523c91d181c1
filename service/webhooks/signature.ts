// The signature of a webhook request, as payment providers sign theirs: the
// header `Stagecraft-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
// The timestamp inside the signed text lets a receiver refuse an old request
// replayed; the HMAC with the shared secret shows the body is Stagecraft's, unchanged.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "stagecraft-signature";

/** The header value for `body` sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does: true when the header carries a `v1` HMAC of this body
 * with this secret and its timestamp is within `toleranceSeconds` of `now` (unix seconds).
 */
export function verifySignature(secret: string, header: string, body: string, now: number, toleranceSeconds = 300): boolean {
  const parts = header.split(",").map((part) => part.split("=", 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body));
  return parts.some(([key, value]) => key === "v1" && value !== undefined && value.length === expected.length && timingSafeEqual(Buffer.from(value), expected));
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}
