// `run --resume` with other rules than the snapshot's: the snapshot of
// test/fixtures/deploy (which the golden cases run-resume-* resume) is what
// the base rules save, and going on from it under the new rules gives what a
// deploy at the snapshot's clock gives in the runtime.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine, deployRules, formatOutputLine, type InputEvent, type Snapshot } from "../../runtime/index";
import { compileProgram, folderSources } from "../backend/harness";
import { cli } from "./run-cli";

const fixture = "test/fixtures/deploy";

describe("run --resume with other rules", () => {
  it("resumes the fixture's snapshot, which the base rules save as it is", async () => {
    const saved = join(mkdtempSync(join(tmpdir(), "stagecraft-")), "snapshot.json");
    const run = await cli(["run", `${fixture}/base`, "--events", `${fixture}/events.jsonl`, "--save-snapshot", saved]);
    expect(run.code).toBe(0);
    expect(readFileSync(saved, "utf8")).toBe(readFileSync(`${fixture}/base.snapshot.json`, "utf8"));
  });

  it("prints what a deploy at the snapshot's clock prints, then the events' outputs", async () => {
    const base = compileProgram(folderSources(`${fixture}/base`));
    const head = compileProgram(folderSources(`${fixture}/head`));
    const engine = createEngine(base);
    const events = (file: string) => readFileSync(`${fixture}/${file}`, "utf8").trim().split("\n").map((line) => JSON.parse(line) as InputEvent);
    for (const event of events("events.jsonl")) engine.process(event);
    const clock = (JSON.parse(readFileSync(`${fixture}/base.snapshot.json`, "utf8")) as Snapshot).clock!;
    const deployed = deployRules(engine, head, clock);
    const expected = deployed.outputs.concat(events("more.jsonl").flatMap((event) => deployed.engine.process(event)));
    const run = await cli(["run", `${fixture}/head`, "--resume", `${fixture}/base.snapshot.json`, "--events", `${fixture}/more.jsonl`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected.map((output) => formatOutputLine(output) + "\n").join(""));
  });
});
