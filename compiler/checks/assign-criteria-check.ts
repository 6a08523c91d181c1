// `assign … from team where attribute == value`: the attribute must be one the
// team's members are given, and every member's value of it must be comparable
// with the value it is matched against, or that member could never qualify.
import type * as ast from "../../grammar/ast";
import type { ValueType } from "../model";
import { boolType, dateTimeType, dateType, fits, isKnown, numberType, textType, typeName } from "../types/value-type";
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const AssignCriteriaCheck: Check = {
  name: "AssignCriteria",
  codes: ["SC2319"],
  nodes: {
    AssignAction: (action, context) => {
      const team = context.model.teams.get(action.team.text);
      if (!team || action.criteria.length === 0) return;
      const written = team.decl.attributes.flatMap((attributes) => attributes.fields.map((field) => ({ member: team.members[attributes.member]!, field })));
      for (const criterion of action.criteria) {
        const attribute = criterion.attribute.text;
        const given = written.filter(({ field }) => field.name.text === attribute);
        if (given.length === 0) {
          const known = new Set(written.map(({ field }) => field.name.text));
          context.report(criterion.attribute, Diagnostics.UnknownMemberAttribute, { team: team.name, attribute, hint: suggestion(attribute, known, ident) });
          continue;
        }
        const valueType = context.model.types.get(criterion.value);
        if (!valueType || !isKnown(valueType)) continue;
        const mismatch = given.find(({ field }) => !fits(valueType, literalType(field.value), field.value));
        if (mismatch) {
          context.report(criterion.value, Diagnostics.CriterionType, {
            attribute,
            member: mismatch.member,
            given: typeName(literalType(mismatch.field.value)),
            type: typeName(valueType),
          });
        }
      }
    },
  },
};

function literalType(literal: ast.Literal): ValueType {
  switch (literal.kind) {
    case "StringLiteral":
      return textType;
    case "NumberLiteral":
      return numberType;
    case "BooleanLiteral":
      return boolType;
    case "DateLiteral":
      return dateType;
    case "DateTimeLiteral":
      return dateTimeType;
  }
}
