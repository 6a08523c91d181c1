// Lookup tables over the program's declarations, built once per Program and
// shared by the engine, the input validator and the test runner.
import type { EntityDef, EventDef, FieldDef, FieldType, PipelineDef, Program, TeamDef, TemplateDef } from "./ir";

export interface EntitySchema {
  def: EntityDef;
  /** Declared fields plus the implicit `id`, `stage` and `responsible`. */
  fields: Map<string, FieldDef>;
  pipeline: PipelineDef | undefined;
  /** Stage name → position in pipeline order. */
  stageIndex: Map<string, number>;
  /** The fields a `created`/`updated` event may carry in `data` (all but `id` and `stage`). */
  dataFields: Map<string, FieldDef>;
}

export interface Schema {
  program: Program;
  entities: Map<string, EntitySchema>;
  events: Map<string, EventDef>;
  /** Activity event name → its payload fields. */
  eventFields: Map<string, Map<string, FieldDef>>;
  templates: Map<string, TemplateDef>;
  teams: Map<string, TeamDef>;
}

const cache = new WeakMap<Program, Schema>();

export function schemaOf(program: Program): Schema {
  let schema = cache.get(program);
  if (!schema) {
    schema = buildSchema(program);
    cache.set(program, schema);
  }
  return schema;
}

const IMPLICIT_FIELDS: FieldDef[] = [
  { name: "id", type: { kind: "text" }, optional: false },
  { name: "stage", type: { kind: "text" }, optional: true },
  { name: "responsible", type: { kind: "user" }, optional: true },
];

function buildSchema(program: Program): Schema {
  const entities = new Map<string, EntitySchema>();
  for (const def of program.entities) {
    const fields = new Map<string, FieldDef>();
    for (const field of IMPLICIT_FIELDS) fields.set(field.name, field);
    for (const field of def.fields) fields.set(field.name, field);
    const stageIndex = new Map<string, number>();
    def.pipeline?.stages.forEach((stage, index) => stageIndex.set(stage.name, index));
    const dataFields = new Map(fields);
    dataFields.delete("id");
    dataFields.delete("stage");
    entities.set(def.name, { def, fields, pipeline: def.pipeline, stageIndex, dataFields });
  }
  return {
    program,
    entities,
    events: new Map(program.events.map((event) => [event.name, event])),
    eventFields: new Map(program.events.map((event) => [event.name, new Map(event.fields.map((field) => [field.name, field]))])),
    templates: new Map(program.templates.map((template) => [`${template.kind}:${template.name}`, template])),
    teams: new Map(program.teams.map((team) => [team.name, team])),
  };
}

/** The type of a field path from an entity (`contact.name`), or undefined when it leads nowhere. */
export function pathType(schema: Schema, entity: string, path: readonly string[]): FieldType | undefined {
  let current = entity;
  let type: FieldType | undefined;
  for (const segment of path) {
    const field = schema.entities.get(current)?.fields.get(segment);
    if (!field) return undefined;
    type = field.type;
    if (type.kind === "ref") current = type.entity;
  }
  return type;
}

/** Splits `deal/S1` into its entity type and id; undefined when it is not a reference. */
export function splitRef(ref: string): { type: string; id: string } | undefined {
  const slash = ref.indexOf("/");
  if (slash <= 0 || slash === ref.length - 1) return undefined;
  return { type: ref.slice(0, slash), id: ref.slice(slash + 1) };
}
