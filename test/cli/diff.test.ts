// `stagecraft diff` (docs/versions.md): exit codes 0/1/2, the text and JSON
// reports on test/fixtures/diff (golden files; UPDATE_GOLDEN=1 writes them),
// errors that name the version at fault, and `git:REF[:PATH]` in a repository
// made for the test.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const fixtures = "test/fixtures/diff";
const base = `${fixtures}/base`;
const head = `${fixtures}/head`;
const events = `${fixtures}/events.jsonl`;
const until = "2026-01-31T00:00:00Z";
const update = process.env.UPDATE_GOLDEN === "1";

function expectGolden(actual: string, name: string): void {
  const path = join("test", "golden", "diff", name);
  if (update) writeFileSync(path, actual);
  expect(existsSync(path), `${path} exists (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

describe("stagecraft diff", () => {
  it("reports the difference as text a reviewer reads, and exits 1", async () => {
    const run = await cli(["diff", base, head, "--events", events, "--until", until]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expectGolden(run.stdout, "fixtures.expected.txt");
  });

  it("reports the same as JSON for tools", async () => {
    const run = await cli(["diff", base, head, "--events", events, "--until", until, "--format", "json"]);
    expect(run.code).toBe(1);
    expectGolden(run.stdout, "fixtures.expected.json");
    const report = JSON.parse(run.stdout);
    expect(report.rules).toEqual({ added: ['rule "Audit"'], removed: ['rule "Thanks"'], changed: ['rule "Docs reminder"', 'rule "Paid"'] });
    expect(report.outputs).toEqual({
      same: 7,
      effects: { added: 1, removed: 2, changed: 1 },
      stateChanges: { added: 1, removed: 2, changed: 0 },
    });
    expect(report.stages).toEqual([{ record: "deal/S2", base: ["Won"], head: ["New"] }]);
    // The unnamed rule moved to another line: its outputs are the same, whatever their `rule` says.
    expect(report.byRule.map((group: { rule: string }) => group.rule)).not.toContain("rule at rules.rules:10");
  });

  it("exits 0 when the behaviour is the same, even with the rules written otherwise", async () => {
    const same = await cli(["diff", base, base, "--events", events, "--until", until]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no difference in behaviour: 12 outputs the same$/m);
    // Reordered and reformatted: only the unnamed rule's `file:line` changes.
    const folder = mkdtempSync(join(tmpdir(), "stagecraft-diff-"));
    try {
      cpSync(base, folder, { recursive: true });
      const rules = readFileSync(join(base, "rules.rules"), "utf8").trim().split("\n");
      writeFileSync(join(folder, "rules.rules"), "// the same rules, moved\n\n" + [...rules.slice(1), rules[0]].join("\n\n") + "\n");
      const moved = await cli(["diff", base, folder, "--events", events, "--until", until, "--format", "json"]);
      expect(moved.code).toBe(0);
      expect(JSON.parse(moved.stdout)).toMatchObject({ different: false, rules: { added: [], removed: [], changed: [] }, byRule: [], stages: [] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli(["diff", base, head])).code).toBe(2); // no --events
    expect((await cli(["diff", base, "--events", events])).code).toBe(2); // no head
    const format = await cli(["diff", base, head, "--events", events, "--format", "yaml"]);
    expect(format).toMatchObject({ code: 2, stdout: "" });
    expect(format.stderr).toContain('--format must be "text" or "json", not "yaml"');
    const missing = await cli(["diff", base, `${fixtures}/nowhere`, "--events", events]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${fixtures}/nowhere: no such file or folder`);
    const badUntil = await cli(["diff", base, head, "--events", events, "--until", "tomorrow"]);
    expect(badUntil.code).toBe(2);
    expect(badUntil.stderr).toContain("--until must be an ISO 8601 time");
  });

  describe("exits 2 naming the version at fault", () => {
    let folder: string;
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), "stagecraft-diff-"));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    function version(name: string, rules: string): string {
      const path = join(folder, name);
      cpSync(base, path, { recursive: true });
      writeFileSync(join(path, "rules.rules"), rules);
      return path;
    }

    it("when either version's rules have errors", async () => {
      const broken = version("broken", 'rule "Paid": on deal invoice.paid -> move to "Wonn"\n');
      const run = await cli(["diff", base, broken, "--events", events]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain(`stagecraft: the head rules (${broken}) have errors; both versions must check clean:`);
      expect(run.stderr).toMatch(/rules\.rules:1:\d+: error SC\d{4}: .*"Wonn"/);
      const reversed = await cli(["diff", broken, base, "--events", events]);
      expect(reversed.code).toBe(2);
      expect(reversed.stderr).toContain(`the base rules (${broken}) have errors`);
    });

    it("when an event is refused by one version's rules", async () => {
      const wider = version("wider", "");
      writeFileSync(join(wider, "schema.rules"), readFileSync(join(base, "schema.rules"), "utf8").replace("email: email?", "email: email?\n  phone: phone?"));
      const lines = `${readFileSync(events, "utf8")}{"id":"e9","at":"2026-01-20T00:00:00Z","entity":"contact/C3","type":"created","data":{"name":"Cy","phone":"+34 600 000 000"}}\n`;
      const path = join(folder, "events.jsonl");
      writeFileSync(path, lines);
      const run = await cli(["diff", base, wider, "--events", path]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:9: error SC\\d{4}: .*phone.* \\(refused by the base rules only\\)\\n$`));
      // A line every version refuses is the events' fault: no version is named.
      writeFileSync(path, `${readFileSync(events, "utf8")}{"id":"e9","at":"2026-01-01T00:00:00Z","entity":"contact/C3","type":"created","data":{"name":"Cy"}}\n`);
      const back = await cli(["diff", base, wider, "--events", path]);
      expect(back.code).toBe(2);
      expect(back.stderr).toMatch(/:9: error SC3009: [^\n]*\n$/);
      expect(back.stderr).not.toContain("refused by");
    });

    it("when one version's run stops with a runtime error", async () => {
      const endless = version("endless", 'on deal updated -> set amount = amount + 1\n');
      const run = await cli(["diff", base, endless, "--events", events]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/^stagecraft: the head rules stop test\/fixtures\/diff\/events\.jsonl:5 \(event e5\): runtime error SC\d{4}: /);
    });
  });
});

describe("stagecraft diff git:REF[:PATH]", () => {
  const start = process.cwd();
  let repo: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  // A repository whose main holds the base version in rules/, with the head
  // version in the working tree; the commands run inside it.
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "stagecraft-diff-git-"));
    git("init", "-q", "-b", "main");
    cpSync(join(start, base), join(repo, "rules"), { recursive: true });
    cpSync(join(start, events), join(repo, "events.jsonl"));
    git("add", ".");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base rules");
    cpSync(join(start, head), join(repo, "rules"), { recursive: true });
    process.chdir(repo);
  });
  afterAll(() => {
    process.chdir(start);
    rmSync(repo, { recursive: true, force: true });
  });

  it("reads the rules of a commit: the same report as the folders on disk", async () => {
    const fromGit = await cli(["diff", "git:main:rules", "rules", "--events", "events.jsonl", "--until", until, "--format", "json"]);
    const onDisk = await cli(["diff", join(start, base), "rules", "--events", "events.jsonl", "--until", until, "--format", "json"]);
    expect(fromGit.stderr).toBe("");
    expect(fromGit.code).toBe(1);
    const { base: gitBase, ...gitRest } = JSON.parse(fromGit.stdout);
    const { base: diskBase, ...diskRest } = JSON.parse(onDisk.stdout);
    expect(gitBase).toEqual({ ...diskBase, source: "git:main:rules" });
    expect(gitRest).toEqual(diskRest);
  });

  it("takes PATH relative to the current folder, the current folder when left out", async () => {
    process.chdir(join(repo, "rules"));
    try {
      const run = await cli(["diff", "git:main", ".", "--events", "../events.jsonl", "--until", until]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^base: git:main \(fingerprint [0-9a-f]{16}, 12 outputs\)$/m);
      const file = await cli(["diff", "git:HEAD:rules.rules", "rules.rules", "--events", "../events.jsonl"]);
      expect(file.code).toBe(2); // a file on its own lacks the declarations
      expect(file.stderr).toContain("stagecraft: the base rules (git:HEAD:rules.rules) have errors");
      expect(file.stderr).toMatch(/^git:HEAD:rules\.rules:1:\d+: error SC2001: /m);
    } finally {
      process.chdir(repo);
    }
  });

  it("says clearly what is wrong: an unknown commit, a missing path, no repository", async () => {
    const ref = await cli(["diff", "git:nope", "rules", "--events", "events.jsonl"]);
    expect(ref).toMatchObject({ code: 2, stderr: 'stagecraft: git:nope: no commit "nope" in this repository\n' });
    const path = await cli(["diff", "git:main:lost", "rules", "--events", "events.jsonl"]);
    expect(path).toMatchObject({ code: 2, stderr: "stagecraft: git:main:lost: no such file or folder in main\n" });
    const empty = await cli(["diff", "git:", "rules", "--events", "events.jsonl"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("git:: name a commit after git:");
    const outside = mkdtempSync(join(tmpdir(), "stagecraft-no-git-"));
    process.chdir(outside);
    try {
      const run = await cli(["diff", "git:main", join(repo, "rules"), "--events", join(repo, "events.jsonl")]);
      expect(run).toMatchObject({ code: 2, stderr: "stagecraft: git:main: not inside a git repository (git:REF reads a commit of the repository of the current folder)\n" });
    } finally {
      process.chdir(repo);
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
