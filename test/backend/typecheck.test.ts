// The emitted module passes the type checker under the project's strict
// settings, resolving `stagecraft/runtime` through package.json "exports", and
// a consumer can import its entity types (which are precise: a wrong stage
// name or enum value is a type error).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitModule } from "../../compiler/backend/index";
import { compileProgram, folderSources, repoScratchFolder, root } from "./harness";
import { hostileSources } from "./hostile-rules";

const scratch = repoScratchFolder();
afterAll(() => scratch.remove());

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, types: [] };
}

function diagnosticsOf(files: string[], extra: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram(files, { ...compilerOptions(), ...extra });
  return ts.getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || files.includes(diagnostic.file.fileName))
    .map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.slice(root.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: ` : "";
      return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    });
}

function write(name: string, text: string): string {
  const path = join(scratch.folder, name);
  writeFileSync(path, text);
  return path;
}

const consumer = `
import rules, { compiled, program, type Contact, type Opportunity, type OpportunityStage } from "./solar.generated";
import { createEngine } from "stagecraft/runtime";
import type { Deal } from "./bitrix.generated";

const contact: Contact = { id: "C1", name: "Ana", email: null, phone: null, responsible: null };
const deal: Opportunity = {
  id: "O1",
  title: "Roof",
  amount: 1200,
  channel: "web",
  region: "north",
  contact: "contact/C1",
  installer: null,
  responsible: "ana@solar.example",
};
const stage: OpportunityStage = "Scheduling";
// a sequential pipeline's open stage, or none
const dealStages: Array<Deal["stage"]> = ["New", null];
export const engine = createEngine(program, { compiled });
export const same = rules.program === program;
export { contact, deal, stage, dealStages };
`;

const wrongConsumer = `
import type { Contact, OpportunityStage, Opportunity } from "./solar.generated";
export const stage: OpportunityStage = "Nowhere";
export const channel: Opportunity["channel"] = "fax";
// Only a sequential pipeline gives a record a stage field: a contact has no pipeline, an opportunity a parallel one.
export const contactStage: Contact["stage"] = null;
export const opportunityStage: Opportunity["stage"] = null;
`;

describe("tsc --noEmit on emitted modules", () => {
  it("the examples, the hostile names and a consumer type-check under the strict settings", () => {
    const files = [
      write("solar.generated.ts", emitModule(compileProgram(folderSources(join(root, "examples", "solar-substates"))))),
      write("bitrix.generated.ts", emitModule(compileProgram(folderSources(join(root, "examples", "bitrix-triggers"))))),
      write("lead.generated.ts", emitModule(compileProgram(folderSources(join(root, "examples", "lead-module"))))),
      write("workflows.generated.ts", emitModule(compileProgram(folderSources(join(root, "examples", "multiple-opportunities"))))),
      write("hostile.generated.ts", emitModule(compileProgram(hostileSources))),
      // No rules, no pipeline: nothing to import but the program's types.
      write("minimal.generated.ts", emitModule(compileProgram([{ path: "m.rules", text: "entity note {\n  text: text\n}\n" }]))),
      write("consumer.generated.ts", consumer),
    ];
    expect(diagnosticsOf(files)).toEqual([]);
    // Stricter consumers too: no unused import, local or parameter in what the backend writes.
    expect(diagnosticsOf(files.slice(0, -1), { noUnusedLocals: true, noUnusedParameters: true })).toEqual([]);
  }, 90_000);

  it("a stage or enum value the rules do not declare, or a stage field without a sequential pipeline, is a type error for a consumer", () => {
    const module = write("solar.generated.ts", emitModule(compileProgram(folderSources(join(root, "examples", "solar-substates")))));
    const wrong = write("wrong.generated.ts", wrongConsumer);
    const errors = diagnosticsOf([module, wrong]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/"Nowhere"/);
    expect(errors[1]).toMatch(/"fax"/);
    expect(errors[2]).toMatch(/'stage' does not exist on type 'Contact'/);
    expect(errors[3]).toMatch(/'stage' does not exist on type 'Opportunity'/);
  }, 60_000);
});
