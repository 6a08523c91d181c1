import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blockAfter, readDoc } from "../docs/code-blocks";
import { cli } from "./run-cli";

const contract = join(import.meta.dirname, "..", "fixtures", "contract");
const eventsFile = join(contract, "events.jsonl");
const events = readFileSync(eventsFile, "utf8").trimEnd().split("\n");

function writeEvents(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-run-"));
  const path = join(dir, "events.jsonl");
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

describe("stagecraft run", () => {
  it("produces exactly the output of docs/contract.md", async () => {
    const result = await cli(["run", contract, "--events", eventsFile, "--until", "2026-01-10T00:00:00Z"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(contract, "expected.jsonl"), "utf8"));
  });

  it("without --until leaves timers that are not yet due", async () => {
    const result = await cli(["run", contract, "--events", writeEvents(events.slice(0, 4))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
  });

  it("reads events from standard input with -", async () => {
    const result = await cli(["run", contract, "--events", "-", "--until", "2026-01-10T00:00:00Z"], events.join("\n"));
    expect(result.stdout).toBe(readFileSync(join(contract, "expected.jsonl"), "utf8"));
  });

  it("skips blank lines but keeps line numbers", async () => {
    const path = writeEvents([events[0]!, "", "   ", "{oops"]);
    const result = await cli(["run", contract, "--events", path]);
    expect(result.code).toBe(3);
    // JSON syntax errors also give the column: `events.jsonl:LINE:COL:`.
    expect(result.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:4:2: error SC3001: `));
  });

  const badLines: Array<[string, string, RegExp]> = [
    ["bad JSON", '{"id":"x",', /error SC3001: not valid JSON/],
    ["a missing field", '{"id":"x","at":"2026-01-07T10:00:00Z","entity":"deal/S1"}', /error SC3002: missing "type"/],
    ["an ill-typed field", '{"id":"x","at":12,"entity":"deal/S1","type":"updated"}', /error SC3003: "at" must be a string/],
    ["an unknown entity type", '{"id":"x","at":"2026-01-07T10:00:00Z","entity":"dael/S1","type":"updated","data":{}}', /error SC3004: .*dael.*deal/],
    ["an unknown event type", '{"id":"x","at":"2026-01-07T10:00:00Z","entity":"deal/S1","type":"invoice.payed"}', /error SC3005: .*invoice\.payed.*invoice\.paid/],
    ["an unknown stage", '{"id":"x","at":"2026-01-07T10:00:00Z","entity":"deal/S1","type":"stage.opened","data":{"stage":"Validaton"}}', /error SC3006: .*Validaton.*Validation/],
    ["a time going backward", '{"id":"x","at":"2025-12-31T10:00:00Z","entity":"deal/S1","type":"updated","data":{"amount":1}}', /error SC3009: /],
  ];

  it.each(badLines)("stops at %s with exit code 3, after writing all that came before", async (_name, line, message) => {
    const path = writeEvents([...events, line]);
    const result = await cli(["run", contract, "--events", path, "--until", "2026-01-10T00:00:00Z"]);
    expect(result.code).toBe(3);
    const stderrLines = result.stderr.trimEnd().split("\n");
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(new RegExp(`^.*events\\.jsonl:7:(\\d+:)? `));
    expect(stderrLines[0]).toMatch(message);
    // The stage.opened of e6 came before the bad line; the timer at 01-05 fired before e6.
    expect(result.stdout).toContain('"id":"e6.1"');
    expect(result.stdout).toContain('"id":"t1"');
  });

  it("exits 1 with diagnostics when the rules have errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-rules-"));
    writeFileSync(join(dir, "bad.rules"), 'entity deal {\n  title: text\n  pipeline { stage "A" }\n}\non deal stage "B" open -> close "A"\n');
    const result = await cli(["run", dir, "--events", eventsFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/bad\.rules:5:\d+: error SC\d{4}: .*"B"/);
  });

  it("exits 2 on a missing events file or a bad --until", async () => {
    const missing = await cli(["run", contract, "--events", "/nonexistent/events.jsonl"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read events file \/nonexistent\/events\.jsonl: no such file/);
    const until = await cli(["run", contract, "--events", eventsFile, "--until", "next week"]);
    expect(until.code).toBe(2);
    expect(until.stderr).toMatch(/--until must be an ISO 8601 time/);
  });

  it("exits 4 and names the chain of rules on an endless cascade", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-loop-"));
    writeFileSync(
      join(dir, "loop.rules"),
      'entity deal {\n  title: text\n  pipeline { stage "A" stage "B" }\n}\nrule "to B": on stage "A" open -> open "B"\nrule "to A": on stage "B" open -> open "A"\n',
    );
    const path = writeEvents(['{"id":"e1","at":"2026-01-01T00:00:00Z","entity":"deal/D1","type":"created","data":{"title":"x","stage":"A"}}']);
    const result = await cli(["run", dir, "--events", path]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/events\.jsonl:1 \(event e1\): runtime error SC4001: /);
    expect(result.stderr).toMatch(/to B/);
    expect(result.stderr).toMatch(/to A/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("--trace writes one line per rule considered to stderr", async () => {
    const result = await cli(["run", contract, "--events", eventsFile, "--until", "2026-01-10T00:00:00Z", "--trace"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(contract, "expected.jsonl"), "utf8"));
    expect(result.stderr).toMatch(/solar\.rules:2/);
    expect(result.stderr).toMatch(/solar\.rules:1/);
  });
});

describe("ids in the events file", () => {
  it("refuses an id used twice, naming the first line, with exit 3", async () => {
    const path = writeEvents([events[0]!, events[1]!, events[2]!.replace('"id":"e3"', '"id":"e1"')]);
    const result = await cli(["run", contract, "--events", path]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/events\.jsonl:3: error SC3010: duplicate id "e1": line 1 already used it/);
  });

  it.each(["t1", "e6.1"])("refuses the output-id form %s, so output ids stay unique", async (id) => {
    const path = writeEvents([events[0]!.replace('"id":"e1"', `"id":"${id}"`)]);
    const result = await cli(["run", contract, "--events", path]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/events\.jsonl:1: error SC3011: id ".*" has the form of an output id/);
  });
});

describe("events file encoding", () => {
  it("ignores a byte order mark at the start of the file", async () => {
    const path = writeEvents(["\uFEFF" + events[0]!, ...events.slice(1)]);
    const result = await cli(["run", contract, "--events", path, "--until", "2026-01-10T00:00:00Z"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(contract, "expected.jsonl"), "utf8"));
  });
});

describe("snapshots", () => {
  it("a run saved after some events and resumed with the rest prints what the full run prints", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    const first = await cli(["run", contract, "--events", writeEvents(events.slice(0, 3)), "--save-snapshot", snapshot]);
    expect(first.code).toBe(0);
    const rest = await cli(["run", contract, "--events", writeEvents(events.slice(3)), "--resume", snapshot, "--until", "2026-01-10T00:00:00Z"]);
    expect(rest.code).toBe(0);
    expect(first.stdout + rest.stdout).toBe(readFileSync(join(contract, "expected.jsonl"), "utf8"));
  });

  it("a file that is not a snapshot is a usage error", async () => {
    const result = await cli(["run", contract, "--events", eventsFile, "--resume", eventsFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a snapshot saved by --save-snapshot/);
  });

  it("JSON that is not an object is not a snapshot (null must not start from nothing)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    writeFileSync(snapshot, "null\n");
    const result = await cli(["run", contract, "--events", eventsFile, "--resume", snapshot]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/state\.json: not a snapshot saved by --save-snapshot \(expected a JSON object\)/);
  });

  it("a version 2 snapshot (rules by index) is refused with exit 2, saying which version it has", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    expect((await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--save-snapshot", snapshot])).code).toBe(0);
    const { program: _dropped, ...saved } = JSON.parse(readFileSync(snapshot, "utf8")) as Record<string, unknown>;
    expect(saved.version).toBe(3);
    writeFileSync(snapshot, JSON.stringify({ ...saved, version: 2 }));
    const result = await cli(["run", contract, "--events", writeEvents(events.slice(4)), "--resume", snapshot]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/state\.json: this snapshot cannot be resumed: snapshot version 2 is not 3/);
    expect(result.stderr).not.toMatch(/with these rules/);
  });

  /** A copy of the contract's rules with solar.rules replaced, to resume under edited rules. */
  function editedRules(solar: string): string {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-rules-"));
    writeFileSync(join(dir, "schema.rules"), readFileSync(join(contract, "schema.rules"), "utf8"));
    writeFileSync(join(dir, "solar.rules"), solar);
    return dir;
  }

  const [closeRule, reminderRule] = readFileSync(join(contract, "solar.rules"), "utf8").trimEnd().split("\n") as [string, string];

  it("a rule added above a pending 4-day reminder: resume moves the snapshot to the new rules (a deploy output), and the reminder's own rule fires", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    expect((await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--save-snapshot", snapshot])).code).toBe(0);
    const added = `rule "Docs opened": on deal stage "Documentation pending" open -> create task "Call back"\n${closeRule}\n${reminderRule}\n`;
    const result = await cli(["run", editedRules(added), "--events", writeEvents(events.slice(4)), "--resume", snapshot, "--until", "2026-01-10T00:00:00Z"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string; rule: string | null; data: Record<string, unknown> });
    expect(lines.map((line) => [line.type, line.rule])).toEqual([
      ["rules.deployed", null],
      ["email.send", "solar.rules:3"],
      ["stage.opened", "solar.rules:2"],
    ]);
    expect(lines[0]!.data.changes).toBe('added: rule "Docs opened"');
    // docs/language.md "Rule identity" shows this run's output
    expect(blockAfter(readDoc("language.md"), "fires from its own rule, now on line 3:")).toBe(result.stdout);
  });

  it("rules reordered and formatted resume the pending reminder: the same rule fires, under its new file:line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    expect((await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--save-snapshot", snapshot])).code).toBe(0);
    const rules = editedRules(`// the reminder first now\n${reminderRule}\n\n${closeRule}\n`);
    expect((await cli(["fmt", rules])).code).toBe(0);
    const result = await cli(["run", rules, "--events", writeEvents(events.slice(4)), "--resume", snapshot, "--until", "2026-01-10T00:00:00Z"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string; rule: string; data: Record<string, unknown> });
    expect(lines.map((line) => [line.type, line.rule, line.data])).toEqual([
      ["email.send", "solar.rules:2", { template: "Docs reminder", to: "contact/C1" }],
      ["stage.opened", "solar.rules:4", { stage: "Validation" }],
    ]);
  });

  it("a snapshot whose fields are damaged is refused with exit 2, not a crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    writeFileSync(snapshot, JSON.stringify({ version: 3, records: 5 }));
    const result = await cli(["run", contract, "--events", eventsFile, "--resume", snapshot]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/state\.json: this snapshot cannot be resumed: it is damaged or not saved by --save-snapshot \(/);
  });

  it("after --resume, an event earlier than the snapshot's last event is SC3009 with exit 3", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const snapshot = join(dir, "state.json");
    expect((await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--save-snapshot", snapshot])).code).toBe(0);
    // e3 (09:00) comes before e4 (09:30), the snapshot's last event.
    const result = await cli(["run", contract, "--events", writeEvents([events[2]!.replace('"e3"', '"e3b"')]), "--resume", snapshot]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    const stderrLines = result.stderr.trimEnd().split("\n");
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(
      /events\.jsonl:1: error SC3009: time 2026-01-01T09:00:00\+01:00 is earlier than 2026-01-01T08:30:00\.000Z, the time the resumed snapshot had reached; events must be in time order$/,
    );
  });

  it("after --resume, an event at the snapshot's time is accepted, and one before its --until is SC3009", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-snap-"));
    const atLast = join(dir, "at-last.json");
    expect((await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--save-snapshot", atLast])).code).toBe(0);
    const same = await cli(["run", contract, "--events", writeEvents([events[3]!.replace('"e4"', '"e4b"')]), "--resume", atLast]);
    expect(same.stderr).toBe("");
    expect(same.code).toBe(0);

    const afterUntil = join(dir, "after-until.json");
    const first = await cli(["run", contract, "--events", writeEvents(events.slice(0, 4)), "--until", "2026-01-03T00:00:00Z", "--save-snapshot", afterUntil]);
    expect(first.code).toBe(0);
    const early = await cli(["run", contract, "--events", writeEvents(events.slice(4)), "--resume", afterUntil]);
    expect(early.code).toBe(3);
    expect(early.stdout).toBe("");
    expect(early.stderr).toMatch(/events\.jsonl:1: error SC3009: time 2026-01-02T10:00:00\+01:00 is earlier than 2026-01-03T00:00:00\.000Z, the time the resumed snapshot had reached/);
  });
});
