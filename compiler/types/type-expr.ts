// Types an expression bottom-up, passing an expected type down where one is
// known so bare enum values (`web`) resolve. Records every type and path
// resolution in the model; never reports (checks read what was recorded).
//
// Every expression of every rule comes through here on a short, cold run: the
// cases are ordered by how common they are, loops are indexed, and types without
// parameters are shared constants rather than allocated per expression.
import type * as ast from "../../grammar/ast";
import { findFunction } from "../../stdlib/functions";
import type { Binding } from "../binder/binding";
import type { Scope } from "../binder/scope";
import type { ValueType } from "../model";
import { resolvePath } from "./resolve-path";
import { boolType, dateTimeType, dateType, isNumeric, moneyType, noneType, numberType, textType, unknownType } from "./value-type";

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

/**
 * A bare name compared with a value that did not resolve (`chanel in [web]`) may
 * be an enum value of the field meant: when it is a value of an enum field of the
 * record, only the other side's mistake is reported.
 */
function maybeEnumValue(env: TypingEnv, expr: ast.PathExpr, expected: ValueType | undefined): boolean {
  return expected?.kind === "unknown" && isEnumValueInScope(env, expr);
}

/** A bare name that is a value of an enum field of the record (and not a field). */
function isEnumValueInScope(env: TypingEnv, expr: ast.Expr): boolean {
  if (!isBareName(expr) || isFieldInScope(env, expr)) return false;
  const name = (expr as ast.PathExpr).segments[0]!.text;
  for (const field of env.scope.entity?.fields.values() ?? []) {
    if (field.type.kind === "enum" && field.type.values.includes(name)) return true;
  }
  return false;
}

function computeType(env: TypingEnv, expr: ast.Expr, expected?: ValueType): ValueType {
  switch (expr.kind) {
    case "PathExpr": {
      const outcome = resolvePath(env.binding.model, env.scope, expr, expected);
      if (outcome.resolution) {
        env.binding.model.paths.set(expr, outcome.resolution);
        return outcome.resolution.type;
      }
      if (outcome.failure && !maybeEnumValue(env, expr, expected)) env.binding.pathFailures.set(expr, outcome.failure);
      return unknownType;
    }
    case "NumberLiteral":
      return numberType;
    case "BinaryExpr":
      return typeBinary(env, expr);
    case "StringLiteral":
      return textType;
    case "CallExpr":
      return typeCall(env, expr);
    case "InExpr": {
      const valueType = typeExpr(env, expr.value);
      const items = expr.options.items;
      let first: ValueType = unknownType;
      for (let i = 0; i < items.length; i++) {
        const itemType = typeExpr(env, items[i]!, valueType);
        if (i === 0) first = itemType;
      }
      env.binding.model.types.set(expr.options, { kind: "list", item: first });
      return boolType;
    }
    case "BooleanLiteral":
      return boolType;
    case "UnaryExpr": {
      if (expr.operator === "not") {
        typeExpr(env, expr.operand, boolType);
        return boolType;
      }
      return typeExpr(env, expr.operand, numberType);
    }
    case "ListExpr": {
      const item = expected?.kind === "list" ? expected.item : undefined;
      const items = expr.items;
      let first: ValueType = unknownType;
      for (let i = 0; i < items.length; i++) {
        const itemType = typeExpr(env, items[i]!, item);
        if (i === 0) first = itemType;
      }
      return { kind: "list", item: first };
    }
    case "DateLiteral":
      return dateType;
    case "DateTimeLiteral":
      return dateTimeType;
    case "NoneExpr":
      return noneType;
    case "ErrorExpr":
      return unknownType;
    case "ThisExpr":
      return env.scope.entity ? { kind: "ref", entity: env.scope.entity.name } : unknownType;
    case "IsOpenExpr": {
      const entity = env.scope.entity;
      const stage = entity?.pipeline?.stagesByName.get(expr.stage.text);
      if (stage && entity) env.binding.model.stages.set(expr, { entity: entity.name, stage });
      return boolType;
    }
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
      if (left.kind === "money" || right.kind === "money") return moneyType;
      if (isNumeric(left) && isNumeric(right)) return numberType;
      return unknownType;
    }
    default: {
      // The side that is not a bare name goes first, so `web == channel` reads `web` as an enum value.
      if (isBareName(expr.left) && (!isBareName(expr.right) || !isFieldInScope(env, expr.left)) && !isEnumValueInScope(env, expr.right)) {
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
  const args = expr.args;
  let first: ValueType = unknownType;
  for (let i = 0; i < args.length; i++) {
    const argType = typeExpr(env, args[i]!);
    if (i === 0) first = argType;
  }
  if (!fn) return unknownType;
  if (fn.returns === "first argument") return first;
  return { kind: fn.returns };
}
