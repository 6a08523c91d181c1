// Input times must carry their offset: a date alone or a local time would be read
// in the machine's zone and make the output depend on where it runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../runtime/time/instants";

const root = join(import.meta.dirname, "..", "..");

describe("instants", () => {
  it.each(["2026-01-05", "2026-01-05T08:00", "2026-01-05T08:00:00", "2026-W02-1T08:00Z", "yesterday"])("refuses %s", (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it("reads offsets with or without a colon, and Z", () => {
    expect(parseInstant("2026-01-05T08:00:00+01:00")).toBe(Date.UTC(2026, 0, 5, 7));
    expect(parseInstant("2026-01-05T08:00+0100")).toBe(Date.UTC(2026, 0, 5, 7));
    expect(parseInstant("2026-01-05T07:00:00.000Z")).toBe(Date.UTC(2026, 0, 5, 7));
  });

  it("gives byte-identical output whatever the machine's time zone", () => {
    const folder = join(root, "test", "fixtures", "contract");
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-tz-"));
    const events = join(dir, "events.jsonl");
    writeFileSync(events, '{"id":"x1","at":"2026-01-05","entity":"contact/C1","type":"created","data":{"name":"Ana"}}\n');
    const outputs = ["UTC", "Asia/Tokyo", "America/New_York"].map((tz) =>
      // The sources, bundled afresh: a dist/ left from an older build would test old code.
      spawnSync(process.execPath, [join(root, "scripts", "run-ts.mjs"), "cli/main.ts", "run", folder, "--events", events], {
        cwd: root,
        env: { ...process.env, TZ: tz },
        encoding: "utf8",
      }),
    );
    for (const output of outputs) {
      expect(output.status).toBe(3);
      expect(output.stderr).toMatch(/events\.jsonl:1: error SC3003: "at" must be an ISO 8601 time with offset or Z/);
    }
  });
});
