// Every entity has `id` and `responsible: user?`; `stage` exists where there is a
// sequential pipeline (exactly one stage open). Parallel pipelines are read with
// `is open "S"` instead.
import type { FieldSymbol, PipelineSymbol } from "../model";

/** The implicit fields of `entity`; only the pipeline's kind matters (the playground passes just that). */
export function implicitFields(entity: string, pipeline: Pick<PipelineSymbol, "kind"> | undefined): FieldSymbol[] {
  const fields: FieldSymbol[] = [
    { name: "id", type: { kind: "text" }, optional: false, implicit: true },
    { name: "responsible", type: { kind: "user" }, optional: true, implicit: true },
  ];
  if (pipeline?.kind === "sequential") {
    fields.push({ name: "stage", type: { kind: "stage", entity }, optional: true, implicit: true });
  }
  return fields;
}

export const implicitFieldNames = new Set(["id", "stage", "responsible"]);
