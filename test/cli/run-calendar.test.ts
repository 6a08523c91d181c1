// A calendar with no working time used by a rule is refused by the checker:
// `run` exits 1 with SC2409 instead of hanging for ever.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

describe("run with a calendar without workdays", () => {
  it("stops at the check with exit 1, naming the rule that needs working hours", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-calendar-"));
    writeFileSync(
      join(dir, "rules.rules"),
      'calendar { workdays }\nentity deal { title: text  pipeline { stage "New" } }\non deal stage "New" open after 1 hour within working hours -> notify "a@x.example" "call"\n',
    );
    const events = join(dir, "events.jsonl");
    writeFileSync(events, JSON.stringify({ id: "e1", at: "2026-01-01T08:00:00Z", entity: "deal/D1", type: "created", data: { title: "A", stage: "New" } }) + "\n");
    const result = await cli(["run", join(dir, "rules.rules"), "--events", events, "--until", "2026-02-01T00:00:00Z"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rules\.rules:3:\d+: error SC2409: `within working hours` needs working days/);
  });
});
