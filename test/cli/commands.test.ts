import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const root = join(import.meta.dirname, "..", "..");
const contract = join(root, "test", "fixtures", "contract");

function tempRules(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const schema = 'entity deal {\n  title: text\n  pipeline {\n    stage "New"\n    stage "Validation"\n  }\n}\n';

describe("stagecraft check", () => {
  it("exits 0 and says so for clean rules", async () => {
    const result = await cli(["check", contract]);
    expect(result).toEqual({ code: 0, stdout: "No problems in 2 files.\n", stderr: "" });
  });

  it("prints path:line:col: error CODE: message lines and a summary, exit 1", async () => {
    const dir = tempRules({ "schema.rules": schema, "rules.rules": 'on deal stage "Validaton" open -> close "New"\n' });
    const result = await cli(["check", dir]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${dir}/rules\\.rules:1:15: error SC\\d{4}: .*"Validaton".*"Validation"`));
    expect(lines.at(-1)).toBe("1 error, 0 warnings in 2 files.");
  });

  it("exits 0 with warnings only", async () => {
    const dir = tempRules({ "schema.rules": schema, "rules.rules": 'on deal created when 1 > 2 -> close "New"\n' });
    const result = await cli(["check", dir]);
    expect(result.stdout).toMatch(/warning SC\d{4}/);
    expect(result.code).toBe(0);
  });

  it("--format json gives objects with code, severity, range and message", async () => {
    const dir = tempRules({ "schema.rules": schema, "rules.rules": 'on deal stage "Validaton" open -> close "New"\n' });
    const result = await cli(["check", dir, "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toBe(1);
    expect(report.diagnostics[0]).toMatchObject({ file: join(dir, "rules.rules"), line: 1, column: 15, severity: "error" });
    expect(report.diagnostics[0].code).toMatch(/^SC\d{4}$/);
  });

  it("exits 2 for a missing path or a bad --format", async () => {
    expect((await cli(["check", "/nonexistent.rules"])).code).toBe(2);
    const bad = await cli(["check", contract, "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be "text" or "json"/);
  });

  it("exits 2 on an unknown option without a stack trace", async () => {
    const result = await cli(["check", contract, "--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("stagecraft fmt", () => {
  it("--check reports unformatted files with exit 1 and leaves them alone", async () => {
    const messy = 'on   deal stage "New"  open->close "Validation"\n';
    const dir = tempRules({ "schema.rules": schema, "rules.rules": messy });
    const result = await cli(["fmt", dir, "--check"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("rules.rules: not formatted");
    expect(readFileSync(join(dir, "rules.rules"), "utf8")).toBe(messy);
  });

  it("rewrites in place, after which --check passes", async () => {
    const dir = tempRules({ "schema.rules": schema, "rules.rules": 'on   deal stage "New"  open->close "Validation"\n' });
    expect((await cli(["fmt", dir])).code).toBe(0);
    expect(readFileSync(join(dir, "rules.rules"), "utf8")).toBe('on deal stage "New" open -> close "Validation"\n');
    expect(await cli(["fmt", dir, "--check"])).toMatchObject({ code: 0, stdout: "" });
  });

  it("never rewrites a file that does not parse", async () => {
    const broken = 'on deal stage "New" open -> \n';
    const dir = tempRules({ "rules.rules": broken });
    const result = await cli(["fmt", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rules\.rules:\d+:\d+: error SC0\d{3}/);
    expect(readFileSync(join(dir, "rules.rules"), "utf8")).toBe(broken);
  });
});

describe("stagecraft test", () => {
  it("runs the examples' test blocks and ends with N passed, N failed", async () => {
    const result = await cli(["test", join(root, "examples", "solar-substates")]);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("6 passed, 0 failed");
  });

  it("reports a failing expectation with its position, exit 1", async () => {
    const dir = tempRules({
      "schema.rules": schema,
      "rules.rules": 'on deal created -> close "New"\n',
      "tests.rules": 'test "opens validation" {\n  at 2026-01-01T08:00Z "deal/D1" created { title: "x", stage: "New" }\n  expect stage.opened "deal/D1" { stage: "Validation" }\n}\n',
    });
    const result = await cli(["test", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL  opens validation/);
    expect(result.stdout).toMatch(/tests\.rules:3:\d+: expected /);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });

  it("is not green for a test made only of typos: its events and expects are checked first, exit 1", async () => {
    const dir = tempRules({
      "schema.rules": schema,
      "tests.rules": 'test "typos" {\n  at 2026-01-01T08:00Z "deal/D1" created { titel: "x", stage: "Nwe" }\n  expect stage.opened "deal/D1" { stag: "Validaton" }\n}\n',
    });
    const result = await cli(["test", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tests.rules:2:44: error SC3007: unknown field "titel" for deal (did you mean "title"?`);
    expect(result.stderr).toContain(`tests.rules:2:63: error SC3006: unknown stage "Nwe" for deal (did you mean "New"?`);
    expect(result.stderr).toContain("tests.rules:3:35: error SC2706: stage.opened outputs carry no `stag`; their data keys are `stage`, `by`. Did you mean `stage`?");
    expect(result.stdout.trimEnd()).toBe("0 passed, 0 failed");
  });
});

describe("stagecraft explain", () => {
  it("says why a rule fired or not for one record", async () => {
    const result = await cli([
      "explain", contract, "--events", join(contract, "events.jsonl"), "--entity", "deal/S1", "--until", "2026-01-10T00:00:00Z",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/solar\.rules:1/);
    expect(result.stdout).toMatch(/solar\.rules:2/);
    expect(result.stdout).toMatch(/fired/);
  });

  it("rejects an --entity that is not type/id", async () => {
    const result = await cli(["explain", contract, "--events", join(contract, "events.jsonl"), "--entity", "S1"]);
    expect(result.code).toBe(2);
  });
});

describe("stagecraft explain, readable", () => {
  it("counts the events a rule does not listen to instead of listing them, and says when a move did nothing", async () => {
    const folder = join(root, "examples", "bitrix-triggers");
    const result = await cli(["explain", folder, "--events", join(folder, "events.jsonl"), "--entity", "deal/D1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Client called: never triggered: no call.incoming for deal/D1");
    expect(result.stdout).toMatch(/\n {2}Offer opened: 2026-03-03 10:00 \(03:00 UTC\) e6 email\.opened: fired, but skipped move to "Offer viewed" because it is before "Negotiation" and the rule has no allow back\n/);
    expect(result.stdout).not.toContain("trigger did not match");
  });
});

describe("rule files from several places", () => {
  it("reads a file named again inside a folder given only once", async () => {
    const result = await cli(["check", join(contract, "solar.rules"), contract]);
    expect(result).toMatchObject({ code: 0, stdout: "No problems in 2 files.\n" });
  });

  it("keeps two files of the same name in different folders apart", async () => {
    const a = tempRules({ "x.rules": schema });
    const b = tempRules({ "x.rules": 'on deal stage "Validaton" open -> close "New"\n' });
    const result = await cli(["check", a, b]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${join(b, "x.rules")}:1:15: error`);
  });

  it("refuses an --until that is not a real time, before running anything", async () => {
    const result = await cli(["run", contract, "--events", join(contract, "events.jsonl"), "--until", "2026-02-30T00:00:00Z"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
  });
});

describe("the bundled examples", () => {
  it.each(["solar-substates", "multiple-opportunities", "lead-module", "bitrix-triggers"])("%s is in canonical format", async (name) => {
    const result = await cli(["fmt", join(root, "examples", name), "--check"]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
  });
});
