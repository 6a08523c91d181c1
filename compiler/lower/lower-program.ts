// The checked rule set lowered to the runtime's Program. Every list keeps
// declaration order, files in the order given then line order, because rule
// order is semantic (matching rules run in it) and output must be
// byte-identical across runs. Rules get their stable identities
// (runtime/program/identity.ts) once all are lowered.
import type * as ast from "../../grammar/ast";
import { IR_VERSION, type Program } from "../../runtime/program/ir";
import type { CheckedModel } from "../model";
import { catalogEvents, lowerCalendar, lowerEntity, lowerEvent, lowerTeam, lowerTemplate } from "./lower-declarations";
import { ruleIdentities, type RuleToIdentify } from "../../runtime/program/identity";
import { lowerRule, type UnidentifiedRule } from "./lower-rules";
import { lowerTest } from "./lower-tests";
import { lowerWorkflow } from "./lower-workflows";
import { LoweringError } from "./lowering-error";

export function lowerProgram(files: ast.SourceFile[], model: CheckedModel): Program {
  const calendar = lowerCalendar(model.calendar);
  const program: Program = {
    version: IR_VERSION,
    calendar,
    entities: [],
    templates: [],
    teams: [],
    events: catalogEvents(),
    rules: [],
    workflows: [],
    tests: [],
  };
  const rules: Array<RuleToIdentify & { rule: UnidentifiedRule }> = [];
  for (const file of files) {
    try {
      lowerItems(file, model, program, rules);
    } catch (error) {
      throw error instanceof LoweringError ? error.in(file) : error;
    }
  }
  const ids = ruleIdentities(rules);
  program.rules = rules.map(({ rule }, index) => ({ id: ids[index]!, ...rule }));
  return program;
}

function lowerItems(
  file: ast.SourceFile,
  model: CheckedModel,
  program: Program,
  rules: Array<RuleToIdentify & { rule: UnidentifiedRule }>,
): void {
  for (const item of file.items) {
    switch (item.kind) {
      case "CalendarDecl":
        break; // already resolved, defaults included, in model.calendar
      case "EntityDecl":
        program.entities.push(lowerEntity(item));
        break;
      case "TemplateDecl":
        program.templates.push(lowerTemplate(item, model));
        break;
      case "TeamDecl":
        program.teams.push(lowerTeam(item));
        break;
      case "EventDecl":
        program.events.push(lowerEvent(item));
        break;
      case "RuleDecl":
        rules.push({ writtenName: item.name === undefined ? undefined : model.rules.get(item)?.name ?? item.name.text, rule: lowerRule(item, file, model) });
        break;
      case "WorkflowDecl":
        program.workflows.push(lowerWorkflow(item, file, model));
        break;
      case "TestDecl":
        program.tests.push(lowerTest(item, program.tests.length, file));
        break;
    }
  }
}
