// Types an expression bottom-up, passing an expected type down where one is
// known so bare enum values (`web`) resolve. Records every type and path
// resolution in the model; never reports (checks read what was recorded).
import type * as ast from "../../grammar/ast";
import { findFunction } from "../../stdlib/functions";
import type { Binding } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { ValueType } from "../model";
import { resolvePath } from "./resolvePath";
import { boolType, isNumeric, numberType, textType, unknownType } from "./valueType";

export interface TypingEnv {
  binding: Binding;
  scope: Scope;
}

export function typeExpr(env: TypingEnv, expr: ast.Expr, expected?: ValueType): ValueType {
  const type = computeType(env, expr, expected);
  env.binding.model.types.set(expr, type);
  return type;
}

/** A single bare name: its meaning (field or enum value) may depend on the other side. */
function isBareName(expr: ast.Expr): boolean {
  return expr.kind === "PathExpr" && expr.segments.length === 1;
}

function isFieldInScope(env: TypingEnv, expr: ast.Expr): boolean {
  return expr.kind === "PathExpr" && env.scope.entity?.fields.has(expr.segments[0]?.text ?? "") === true;
}

function computeType(env: TypingEnv, expr: ast.Expr, expected?: ValueType): ValueType {
  const { model } = env.binding;
  switch (expr.kind) {
    case "StringLiteral":
      return textType;
    case "NumberLiteral":
      return numberType;
    case "BooleanLiteral":
      return boolType;
    case "DateLiteral":
      return { kind: "date" };
    case "DateTimeLiteral":
      return { kind: "datetime" };
    case "NoneExpr":
      return { kind: "none" };
    case "ErrorExpr":
      return unknownType;
    case "ThisExpr":
      return env.scope.entity ? { kind: "ref", entity: env.scope.entity.name } : unknownType;
    case "PathExpr": {
      const outcome = resolvePath(model, env.scope, expr, expected);
      if (outcome.resolution) {
        model.paths.set(expr, outcome.resolution);
        return outcome.resolution.type;
      }
      if (outcome.failure) env.binding.pathFailures.set(expr, outcome.failure);
      return unknownType;
    }
    case "UnaryExpr": {
      if (expr.operator === "not") {
        typeExpr(env, expr.operand, boolType);
        return boolType;
      }
      return typeExpr(env, expr.operand, numberType);
    }
    case "BinaryExpr":
      return typeBinary(env, expr);
    case "InExpr": {
      const valueType = typeExpr(env, expr.value);
      const items = expr.options.items.map((item) => typeExpr(env, item, valueType));
      model.types.set(expr.options, { kind: "list", item: items[0] ?? unknownType });
      return boolType;
    }
    case "ListExpr": {
      const item = expected?.kind === "list" ? expected.item : undefined;
      const items = expr.items.map((element) => typeExpr(env, element, item));
      return { kind: "list", item: items[0] ?? unknownType };
    }
    case "IsOpenExpr": {
      const stage = env.scope.entity?.pipeline?.stagesByName.get(expr.stage.text);
      if (stage && env.scope.entity) model.stages.set(expr, { entity: env.scope.entity.name, stage });
      return boolType;
    }
    case "CallExpr":
      return typeCall(env, expr);
  }
}

function typeBinary(env: TypingEnv, expr: ast.BinaryExpr): ValueType {
  switch (expr.operator) {
    case "and":
    case "or":
      typeExpr(env, expr.left, boolType);
      typeExpr(env, expr.right, boolType);
      return boolType;
    case "+":
    case "-":
    case "*":
    case "/": {
      const left = typeExpr(env, expr.left, numberType);
      const right = typeExpr(env, expr.right, numberType);
      if (left.kind === "money" || right.kind === "money") return { kind: "money" };
      if (isNumeric(left) && isNumeric(right)) return numberType;
      return unknownType;
    }
    default: {
      // The side that is not a bare name goes first, so `web == channel` reads `web` as an enum value.
      if (isBareName(expr.left) && (!isBareName(expr.right) || !isFieldInScope(env, expr.left))) {
        const right = typeExpr(env, expr.right);
        typeExpr(env, expr.left, right);
      } else {
        const left = typeExpr(env, expr.left);
        typeExpr(env, expr.right, left);
      }
      return boolType;
    }
  }
}

function typeCall(env: TypingEnv, expr: ast.CallExpr): ValueType {
  const fn = findFunction(expr.callee.text);
  const argTypes = expr.args.map((arg) => typeExpr(env, arg));
  if (!fn) return unknownType;
  if (fn.returns === "first argument") return argTypes[0] ?? unknownType;
  return { kind: fn.returns };
}
