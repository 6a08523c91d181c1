// The checked rule set lowered to the runtime's Program. Every list keeps
// declaration order, files in the order given then line order, because rule
// order is semantic (matching rules run in it) and output must be
// byte-identical across runs.
import type * as ast from "../../grammar/ast";
import { IR_VERSION, type Program } from "../../runtime/ir";
import type { CheckedModel } from "../model";
import { catalogEvents, lowerCalendar, lowerEntity, lowerEvent, lowerTeam, lowerTemplate } from "./lower-declarations";
import { lowerRule } from "./lower-rules";
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
  for (const file of files) {
    try {
      lowerItems(file, model, program, calendar.timezone);
    } catch (error) {
      throw error instanceof LoweringError ? error.in(file) : error;
    }
  }
  return program;
}

function lowerItems(file: ast.SourceFile, model: CheckedModel, program: Program, timezone: string): void {
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
        program.rules.push(lowerRule(item, file, model));
        break;
      case "WorkflowDecl":
        program.workflows.push(lowerWorkflow(item, file, model));
        break;
      case "TestDecl":
        program.tests.push(lowerTest(item, program.tests.length, file, timezone));
        break;
    }
  }
}
