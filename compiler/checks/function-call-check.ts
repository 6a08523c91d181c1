// Calls must name a stdlib function, with as many arguments as it takes, each of
// an accepted type. `changed`/`previous` take a field of the record itself and
// need a triggering change (`created`, `updated`, `becomes`) to read.
import type * as ast from "../../grammar/ast";
import { findFunction, functions, type FunctionInfo } from "../../stdlib/functions";
import { typeName } from "../types/value-type";
import type { Check, CheckContext } from "./context";
import { ident, suggestion } from "./suggest";

/** Built only for a diagnostic: every call of every rule is checked. */
function argumentPosition(fn: FunctionInfo, index: number): string {
  return `argument ${index + 1} of ${fn.name}()`;
}

function checkArgument(context: CheckContext, fn: FunctionInfo, arg: ast.Expr, accepted: FunctionInfo["parameters"][number], index: number): void {
  if (arg.missing) return;
  if (accepted.includes("field")) {
    const path = arg.kind === "PathExpr" ? context.model.paths.get(arg) : undefined;
    const failed = arg.kind === "PathExpr" && context.binding.pathFailures.has(arg);
    if (failed || (arg.kind === "PathExpr" && !path && !context.scope.entity)) return;
    if (path?.kind !== "field" || path.path.length !== 1) {
      context.error("SC2208", `The ${argumentPosition(fn, index)} must be a field of the rule's record, e.g. \`${fn.name}(amount)\`.`, arg);
    }
    return;
  }
  if (accepted.includes("any")) return;
  const type = context.model.types.get(arg);
  if (!type || type.kind === "unknown" || type.kind === "none") return;
  if (!(accepted as string[]).includes(type.kind)) {
    context.error("SC2208", `The ${argumentPosition(fn, index)} must be ${accepted.join(" or ")}, not ${typeName(type)}.`, arg);
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
        context.error("SC2011", `Unknown function ${ident(call.callee.text)}.${suggestion(call.callee.text, known, ident)}`, call.callee);
        return;
      }
      if (call.args.length !== fn.parameters.length) {
        context.error("SC2208", `${fn.name}() takes ${fn.parameters.length} argument${fn.parameters.length === 1 ? "" : "s"}, not ${call.args.length}: ${fn.signature}.`, call);
      } else {
        for (let index = 0; index < call.args.length; index++) checkArgument(context, fn, call.args[index]!, fn.parameters[index]!, index);
      }
      if (fn.readsChange && !context.scope.readsChange && (context.rule || context.workflow)) {
        context.error(
          "SC2209",
          `${fn.name}() reads the change that triggered the rule, and there is none here; use it in rules on \`created\`, \`updated\` or \`becomes\` (or in an \`enroll on\` condition of those).`,
          call.callee,
        );
      }
    },
  },
};
