// The parts of webhook delivery that need no server: the retry schedule
// (backoff doubling to its cap, jitter inside each delay, nothing past 24
// hours), the signature a receiver checks, and the --webhook values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWebhook, takes, WebhookSpecError } from "../../service/webhooks/endpoints";
import { FIRST_DELAY_MS, LONGEST_DELAY_MS, nextAttempt, retryDelay, RETRY_WINDOW_MS } from "../../service/webhooks/retry-schedule";
import { signatureHeader, verifySignature } from "../../service/webhooks/signature";
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../backend/harness";

describe("the retry schedule", () => {
  it("doubles from one second to an hour, each delay jittered in its later half", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, random) => {
        const full = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
        const delay = retryDelay(failures, random);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }),
    );
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, 0))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(40, 0.999999)).toBeLessThanOrEqual(LONGEST_DELAY_MS);
  });

  it("tries again until 24 hours after the window opened, the last try at its end, then gives up", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 64 }), (randoms) => {
        const since = Date.parse("2026-01-01T00:00:00Z");
        let at = since;
        let failures = 0;
        for (;;) {
          failures++;
          const next = nextAttempt(failures, at, since, randoms[failures % randoms.length]!);
          if (next === null) break;
          expect(next).toBeGreaterThan(at);
          expect(next).toBeLessThanOrEqual(since + RETRY_WINDOW_MS);
          at = next;
        }
        // Given up only once the window is over, after some dozens of tries (an hour apart at most).
        expect(at).toBe(since + RETRY_WINDOW_MS);
        expect(failures).toBeGreaterThan(24);
        expect(failures).toBeLessThan(24 + 2 * 24 + 12);
      }),
    );
  });
});

describe("the signature header", () => {
  const secret = "whsec-test";
  const body = '{"id":"d1.1","type":"email.send"}';

  it("is t=<seconds>,v1=<HMAC-SHA256 of `t.body`> and verifies with the secret", () => {
    const header = signatureHeader(secret, 1_767_225_600, body);
    const expected = createHmac("sha256", secret).update(`1767225600.${body}`).digest("hex");
    expect(header).toBe(`t=1767225600,v1=${expected}`);
    expect(verifySignature(secret, header, body, 1_767_225_600 + 10)).toBe(true);
  });

  it("fails for another body, another secret, a timestamp out of tolerance, or a header without v1", () => {
    const header = signatureHeader(secret, 1_767_225_600, body);
    expect(verifySignature(secret, header, body.replace("email", "sms"), 1_767_225_600)).toBe(false);
    expect(verifySignature("other", header, body, 1_767_225_600)).toBe(false);
    expect(verifySignature(secret, header, body, 1_767_225_600 + 301)).toBe(false);
    expect(verifySignature(secret, header.replace(/,v1=.*/, ""), body, 1_767_225_600)).toBe(false);
    expect(verifySignature(secret, "garbage", body, 1_767_225_600)).toBe(false);
  });
});

describe("the receiver's check in docs/service.md", () => {
  it("accepts what the service signs now and refuses a changed body", () => {
    const page = readFileSync(join(root, "docs", "service.md"), "utf8");
    const sample = /```js\n(import \{ createHmac, timingSafeEqual \} from "node:crypto";\n[\s\S]*?)```/.exec(page)![1]!;
    const code = sample.replace(/^import .*\n/, "") + "\nreturn verifyStagecraft;";
    const verify = new Function("createHmac", "timingSafeEqual", code)(createHmac, timingSafeEqual) as (secret: string, header: string, body: string) => boolean;
    const body = '{"id":"d1.1"}';
    const header = signatureHeader("whsec", Math.floor(Date.now() / 1000), body);
    expect(verify("whsec", header, body)).toBe(true);
    expect(verify("whsec", header, '{"id":"d1.2"}')).toBe(false);
    expect(verify("whsec", signatureHeader("whsec", Math.floor(Date.now() / 1000) - 600, body), body)).toBe(false);
  });
});

describe("--webhook values", () => {
  it("takes every effect for a URL, the named types for TYPES=URL, and never a derived event", () => {
    const all = parseWebhook("https://crm.example/hooks?x=1");
    expect(all).toEqual({ url: "https://crm.example/hooks?x=1", types: null });
    expect(takes(all, "email.send")).toBe(true);
    expect(takes(all, "stage.opened")).toBe(false);
    const some = parseWebhook("email.send,sms.send=http://127.0.0.1:9000/sms");
    expect(some.url).toBe("http://127.0.0.1:9000/sms");
    expect(takes(some, "sms.send")).toBe(true);
    expect(takes(some, "task.create")).toBe(false);
  });

  it("refuses what is not an http(s) URL and unknown effect types, saying what is expected", () => {
    const refusal = (spec: string) => {
      try {
        parseWebhook(spec);
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookSpecError);
        return (error as Error).message;
      }
      throw new Error(`${spec} was accepted`);
    };
    expect(refusal("crm.example/hooks")).toContain("is not a URL");
    expect(refusal("ftp://crm.example/hooks")).toContain("must be http: or https:");
    expect(refusal("email.sent=https://crm.example")).toContain('unknown effect type "email.sent"; the effect types are email.send, sms.send');
    expect(refusal("http://127.0.0.1:6000/hooks")).toBe(
      '--webhook "http://127.0.0.1:6000/hooks": port 6000 is one that HTTP clients (browsers, Node\'s fetch) refuse to connect to (it belongs to another protocol); pick another port',
    );
  });
});
