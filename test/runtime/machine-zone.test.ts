// Input times must carry their offset: a date alone or a local time would be read
// in the machine's zone and make the output depend on where it runs.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../runtime/time/instants";

const root = join(import.meta.dirname, "..", "..");

describe("instants", () => {
  it.each(["2026-01-05", "2026-01-05T08:00", "2026-01-05T08:00:00", "2026-W02-1T08:00Z", "yesterday"])("refuses %s", (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it.each(["2026-03-02T10:00:00+99:99", "2026-03-02T10:00:00+25:00", "2026-03-02T10:00:00.000-24:00", "2026-03-02T10:00+0960", "2026-03-02T10:00:00+01:60"])(
    "refuses %s: no UTC offset has those hours or minutes",
    (text) => {
      expect(parseInstant(text)).toBeNaN();
    },
  );

  it("reads offsets up to 23:59 either way, as ISO 8601 writes them", () => {
    expect(parseInstant("2026-03-02T10:00:00+23:59")).toBe(Date.UTC(2026, 2, 2, 10) - (23 * 60 + 59) * 60_000);
    expect(parseInstant("2026-03-02T10:00:00.000-23:59")).toBe(Date.UTC(2026, 2, 2, 10) + (23 * 60 + 59) * 60_000);
    expect(parseInstant("2026-03-02T10:00+1400")).toBe(Date.UTC(2026, 2, 2, -4));
  });

  it("reads offsets with or without a colon, and Z", () => {
    expect(parseInstant("2026-01-05T08:00:00+01:00")).toBe(Date.UTC(2026, 0, 5, 7));
    expect(parseInstant("2026-01-05T08:00+0100")).toBe(Date.UTC(2026, 0, 5, 7));
    expect(parseInstant("2026-01-05T07:00:00.000Z")).toBe(Date.UTC(2026, 0, 5, 7));
  });

  it("gives byte-identical output whatever the machine's time zone", () => {
    // Due times computed in the calendar's zone (Europe/Rome): for a deal
    // created Friday 17:30, `2 hours within working hours` comes due Monday 09:00
    // Rome (08:00Z) and `1 business day at 09:00` Tuesday 09:00. Read in the
    // machine's zone, 09:00 would fall elsewhere in Tokyo and New York.
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-tz-"));
    copyFileSync(join(root, "test", "fixtures", "contract", "schema.rules"), join(dir, "schema.rules"));
    writeFileSync(
      join(dir, "timed.rules"),
      'on deal created after 1 business day at 09:00 -> send email "Docs reminder" to contact\n' +
        'on deal created after 2 hours within working hours -> create task "Call back"\n',
    );
    const events = join(dir, "events.jsonl");
    writeFileSync(
      events,
      '{"id":"e1","at":"2026-01-02T17:30:00+01:00","entity":"contact/C1","type":"created","data":{"name":"Ana"}}\n' +
        '{"id":"e2","at":"2026-01-02T17:30:00+01:00","entity":"deal/S1","type":"created","data":{"title":"S1","amount":1,"channel":"web","contact":"contact/C1"}}\n',
    );
    const outputs = runInZones(["run", join(dir, "schema.rules"), join(dir, "timed.rules"), "--events", events, "--until", "2026-01-10T00:00:00Z"]);
    expect(outputs[0]!.stderr).toBe("");
    expect(outputs[0]!.stdout.match(/"at":"[^"]*"/g)).toEqual(['"at":"2026-01-05T08:00:00.000Z"', '"at":"2026-01-06T08:00:00.000Z"']);
    for (const output of outputs) {
      expect(output.status).toBe(0);
      expect(output.stdout).toBe(outputs[0]!.stdout);
    }
  });

  it("refuses an input time without offset whatever the machine's time zone", () => {
    const folder = join(root, "test", "fixtures", "contract");
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-tz-"));
    const events = join(dir, "events.jsonl");
    writeFileSync(events, '{"id":"x1","at":"2026-01-05","entity":"contact/C1","type":"created","data":{"name":"Ana"}}\n');
    for (const output of runInZones(["run", folder, "--events", events])) {
      expect(output.status).toBe(3);
      expect(output.stderr).toMatch(/events\.jsonl:1: error SC3003: "at" must be an ISO 8601 time with offset or Z/);
    }
  });
});

/** `stagecraft <args>` with the machine's zone set to each of three zones. */
function runInZones(args: string[]): SpawnSyncReturns<string>[] {
  return ["UTC", "Asia/Tokyo", "America/New_York"].map((tz) =>
    // The sources, bundled afresh: a dist/ left from an older build would test old code.
    spawnSync(process.execPath, [join(root, "scripts", "run-ts.mjs"), "cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
    }),
  );
}
