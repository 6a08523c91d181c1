// The entity types of the emitted module: one interface per declared entity
// (its fields, plus the implicit id and responsible, and stage when its pipeline
// is sequential: the only kind with a `stage` field, docs/language.md) and its
// stage names as a string-literal union, so a consumer can type the records it sends.
import { StructureKind, type InterfaceDeclarationStructure, type TypeAliasDeclarationStructure } from "ts-morph";
import type { EntityDef, FieldType } from "../../runtime/program/ir";
import { memberName, stringLiteral } from "./literals";
import { pascalCase, type NameAllocator } from "./names";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface EntityTypes {
  structures: Array<InterfaceDeclarationStructure | TypeAliasDeclarationStructure>;
}

export function entityStructures(entities: readonly EntityDef[], names: NameAllocator): EntityTypes {
  const structures: EntityTypes["structures"] = [];
  for (const entity of entities) {
    const typeName = names.allocate(pascalCase(entity.name, "Entity"));
    const stages = entity.pipeline?.stages ?? [];
    const stageType = stages.length > 0 ? names.allocate(`${typeName}Stage`) : undefined;
    const declared = new Set(entity.fields.map((field) => field.name));
    const properties = [
      ...(declared.has("id") ? [] : [{ name: "id", type: "string" }]),
      ...entity.fields.map((field) => ({
        name: memberName(field.name),
        type: field.optional ? `${fieldType(field.type)} | null` : fieldType(field.type),
      })),
      ...(declared.has("responsible") ? [] : [{ name: "responsible", type: "string | null" }]),
      ...(declared.has("stage") || entity.pipeline?.kind !== "sequential" || !stageType ? [] : [{ name: "stage", type: `${stageType} | null` }]),
    ];
    structures.push({ kind: StructureKind.Interface, name: typeName, isExported: true, properties });
    if (stageType) {
      structures.push({
        kind: StructureKind.TypeAlias,
        name: stageType,
        isExported: true,
        type: stages.map((stage) => stringLiteral(stage.name)).join(" | "),
      });
    }
  }
  return { structures };
}

function fieldType(type: FieldType): string {
  switch (type.kind) {
    case "number":
    case "money":
      return "number";
    case "bool":
      return "boolean";
    case "enum":
      return type.values.length === 0 ? "never" : type.values.map(stringLiteral).join(" | ");
    case "ref":
      // A reference holds `type/id`; the entity name goes into a template type only when it is a plain identifier.
      return IDENTIFIER.test(type.entity) ? `\`${type.entity}/\${string}\`` : "string";
    default:
      return "string";
  }
}
