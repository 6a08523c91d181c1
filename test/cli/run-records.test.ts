// `run` refuses a repeated `created` line with exit 3, naming the line that
// created the record first, after writing what came before.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const contract = join(import.meta.dirname, "..", "fixtures", "contract");

describe("records in the events file", () => {
  it("a webhook delivered twice (created again) stops the run with exit 3 and SC3012", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-records-"));
    const created = (id: string) =>
      JSON.stringify({ id, at: "2026-01-02T09:05:00+01:00", entity: "contact/C1", type: "created", data: { name: "Ana" } });
    const path = join(dir, "events.jsonl");
    writeFileSync(path, [created("e1"), created("e2")].join("\n") + "\n");
    const result = await cli(["run", contract, "--events", path]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/events\.jsonl:2: error SC3012: record "contact\/C1" already exists: line 1 created it/);
  });
});
