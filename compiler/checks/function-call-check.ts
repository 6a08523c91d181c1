// Calls must name a stdlib function, with as many arguments as it takes, each of
// an accepted type. `changed`/`previous` take a field of the record itself and
// need a triggering change (`created`, `updated`, `becomes`) to read.
import type * as ast from "../../grammar/ast";
import { findFunction, functions, type FunctionInfo } from "../../stdlib/functions";
import { typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

function checkArgument(context: CheckContext, fn: FunctionInfo, arg: ast.Expr, accepted: FunctionInfo["parameters"][number], index: number): void {
  if (arg.missing) return;
  if (accepted.includes("field")) {
    const path = arg.kind === "PathExpr" ? context.model.paths.get(arg) : undefined;
    const failed = arg.kind === "PathExpr" && context.binding.pathFailures.has(arg);
    if (failed || (arg.kind === "PathExpr" && !path && !context.scope.entity)) return;
    if (path?.kind !== "field" || path.path.length !== 1) {
      context.report(arg, Diagnostics.ArgumentNotAField, { position: index + 1, function: fn.name });
    }
    return;
  }
  if (accepted.includes("any")) return;
  const type = context.model.types.get(arg);
  if (!type || type.kind === "unknown" || type.kind === "none") return;
  if (!(accepted as string[]).includes(type.kind)) {
    context.report(arg, Diagnostics.ArgumentType, { position: index + 1, function: fn.name, accepted: accepted.join(" or "), type: typeName(type) });
  }
}

export const FunctionCallCheck: Check = {
  name: "FunctionCall",
  codes: ["SC2011", "SC2208", "SC2209"],
  nodes: {
    CallExpr: (call, context) => {
      if (call.callee.missing) return;
      const fn = findFunction(call.callee.text);
      if (!fn) {
        const known = functions.map((f) => f.name);
        context.report(call.callee, Diagnostics.UnknownFunction, { name: call.callee.text, hint: suggestion(call.callee.text, known, ident) });
        return;
      }
      if (call.args.length !== fn.parameters.length) {
        const expected = `${fn.parameters.length} argument${fn.parameters.length === 1 ? "" : "s"}`;
        context.report(call, Diagnostics.ArgumentCount, { function: fn.name, expected, given: call.args.length, signature: fn.signature });
      } else {
        for (let index = 0; index < call.args.length; index++) checkArgument(context, fn, call.args[index]!, fn.parameters[index]!, index);
      }
      if (fn.readsChange && !context.scope.readsChange && (context.rule || context.workflow)) {
        context.report(call.callee, Diagnostics.NoTriggeringChange, { function: fn.name });
      }
    },
  },
};
