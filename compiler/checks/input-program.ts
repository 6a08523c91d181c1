// The part of a Program the runtime's input validator reads (entities with
// their pipelines, the activity events), built from the checked model: a test
// block's events are checked before there is a lowered Program, and the checker
// never lowers a rule set that may still hold errors.
import type { EntityDef, EventDef, FieldDef, FieldType, Program } from "../../runtime/program/ir";
import { IR_VERSION } from "../../runtime/program/ir";
import type { CheckedModel, FieldSymbol } from "../model";
import { lowerCalendar } from "../lower/lower-declarations";

const programs = new WeakMap<CheckedModel, Program>();

/** One per model: the validator keeps the schema of the last program it was given. */
export function inputProgramOf(model: CheckedModel): Program {
  let program = programs.get(model);
  if (!program) {
    program = buildInputProgram(model);
    programs.set(model, program);
  }
  return program;
}

function buildInputProgram(model: CheckedModel): Program {
  const entities: EntityDef[] = [];
  for (const entity of model.entities.values()) {
    entities.push({
      name: entity.name,
      fields: declaredFields(entity.fields),
      ...(entity.pipeline
        ? {
            pipeline: {
              kind: entity.pipeline.kind,
              stages: entity.pipeline.stages.map((stage) => (stage.outcome ? { name: stage.name, outcome: stage.outcome } : { name: stage.name })),
            },
          }
        : {}),
    });
  }
  const events: EventDef[] = [];
  for (const event of model.events.values()) events.push({ name: event.name, fields: declaredFields(event.fields), declared: event.declared });
  return { version: IR_VERSION, calendar: lowerCalendar(model.calendar), entities, templates: [], teams: [], events, rules: [], workflows: [], tests: [] };
}

/**
 * The implicit `id`, `stage` and `responsible` are the schema's own (runtime/program/schema.ts).
 * A field of unknown type is left out: test-event-check leaves its values out of the events too.
 */
function declaredFields(fields: Map<string, FieldSymbol>): FieldDef[] {
  const declared: FieldDef[] = [];
  for (const field of fields.values()) {
    if (field.implicit || field.type.kind === "stage" || field.type.kind === "unknown") continue;
    declared.push({ name: field.name, type: field.type as FieldType, optional: field.optional });
  }
  return declared;
}
