// A bare name where an enum is expected must be one of the enum's values.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";

export const EnumValueCheck: Check = {
  name: "EnumValue",
  codes: ["SC2010"],
  nodes: {
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      const segment = failure && path.segments[failure.segment];
      if (failure?.reason !== "unknown enum value" || !segment) return;
      context.error("SC2010", `${ident(segment.text)} is not a value of ${failure.owner}.${suggestion(segment.text, failure.candidates, ident)}`, segment);
    },
  },
};
