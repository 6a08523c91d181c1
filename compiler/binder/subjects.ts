// Resolves a subject to the entity it watches. An entity-less `stage "S"` takes
// the one entity whose pipeline has S; with none or several it stays unresolved
// (the stage check says which).
import type * as ast from "../../grammar/ast";
import type { CheckedModel, SubjectResolution } from "../model";

export function resolveSubject(model: CheckedModel, subject: ast.Subject): SubjectResolution | undefined {
  if (subject.missing) return undefined;
  if (subject.kind === "StageSubject" && !subject.entity) {
    const owners = model.stageOwners.get(subject.stage.text);
    if (owners?.length !== 1) return undefined;
    return { entity: owners[0]!.entity, stage: owners[0]! };
  }
  const entityName = subject.entity?.text;
  const entity = entityName === undefined ? undefined : model.entities.get(entityName);
  if (!entity) return undefined;
  const resolution: SubjectResolution = { entity: entity.name };
  if (subject.kind === "StageSubject") {
    const stage = entity.pipeline?.stagesByName.get(subject.stage.text);
    if (stage) resolution.stage = stage;
  } else if (subject.kind === "EventSubject") {
    const event = model.events.get(subject.event.text);
    if (event) resolution.event = event;
  }
  return resolution;
}
