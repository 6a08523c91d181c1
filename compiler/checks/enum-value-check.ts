// A bare name where an enum is expected must be one of the enum's values.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const EnumValueCheck: Check = {
  name: "EnumValue",
  codes: ["SC2010"],
  nodes: {
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      const segment = failure && path.segments[failure.segment];
      if (failure?.reason !== "unknown enum value" || !segment) return;
      context.report(segment, Diagnostics.UnknownEnumValue, { value: segment.text, owner: failure.owner, hint: suggestion(segment.text, failure.candidates, ident) });
    },
  },
};
