// Every example in examples/ compiles to a module that runs its events with
// output byte-identical to the rule files, and compiles to the same bytes twice.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitModule } from "../../compiler/backend/index";
import { compileProgram, folderSources, root, runBothBackends } from "./harness";

const examples = join(root, "examples");
const folders = readdirSync(examples).sort();
// Late enough for every example's timers.
const until = "2026-12-31T00:00:00Z";

describe("examples through the emitted module", () => {
  it("finds the examples", () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
  });

  for (const folder of folders) {
    it(`${folder}: same output as the rule files`, async () => {
      const program = compileProgram(folderSources(join(examples, folder)));
      const input = readFileSync(join(examples, folder, "events.jsonl"), "utf8").split("\n");
      const { inProcess, module, loaded } = await runBothBackends(program, input, until);
      expect(inProcess.stop).toBeUndefined();
      expect(inProcess.lines.length).toBeGreaterThan(0);
      expect(module.lines.join("\n")).toBe(inProcess.lines.join("\n"));
      expect(module.stop).toBe(inProcess.stop);
      expect(loaded.program).toEqual(JSON.parse(JSON.stringify(program)));
    });

    it(`${folder}: the same rules give the same bytes`, () => {
      const first = emitModule(compileProgram(folderSources(join(examples, folder))));
      const second = emitModule(compileProgram(folderSources(join(examples, folder))));
      expect(second).toBe(first);
    });
  }
});
