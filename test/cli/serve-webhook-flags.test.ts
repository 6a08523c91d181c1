// `serve --webhook` flags are checked before anything starts: a bad URL, an
// unknown effect type, or a webhook without its secret (or a secret without a
// webhook) is a usage error saying what is expected.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const rules = join("test", "service", "fixtures", "webhooks");
let folder: string;
let secret: string;
let empty: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "stagecraft-webhook-flags-"));
  secret = join(folder, "secret");
  empty = join(folder, "empty");
  writeFileSync(secret, "whsec\n");
  writeFileSync(empty, "\n");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("serve --webhook flags", () => {
  const refused = async (args: string[], message: string) => {
    const run = await cli(["serve", rules, "--data", join(folder, "data"), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  };

  it("refuses a webhook that is not an http(s) URL, or names an unknown effect type", async () => {
    await refused(["--webhook", "crm.example/hooks", "--webhook-secret-file", secret], '--webhook "crm.example/hooks": "crm.example/hooks" is not a URL; give URL or TYPES=URL');
    await refused(["--webhook", "ftp://crm.example", "--webhook-secret-file", secret], "the URL must be http: or https:, not ftp:");
    await refused(["--webhook", "sms.sent=http://127.0.0.1:9999/x", "--webhook-secret-file", secret], 'unknown effect type "sms.sent"; the effect types are email.send, sms.send, task.create');
  });

  it("needs the secret with a webhook, a webhook with the secret, and a secret in the file", async () => {
    await refused(["--webhook", "http://127.0.0.1:9999/x"], "--webhook needs --webhook-secret-file FILE");
    await refused(["--webhook-secret-file", secret], "--webhook-secret-file signs webhook requests: give --webhook URL too");
    await refused(["--webhook", "http://127.0.0.1:9999/x", "--webhook-secret-file", empty], "the webhook secret file is empty");
  });
});
