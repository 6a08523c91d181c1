// Activity events in subjects must be in the stdlib catalog or declared with
// `event`; `event.x` is only readable in rules on an activity event, and x must
// be a field of that event's payload.
import type { Check } from "./context";
import { ident, quoted, suggestion } from "./suggest";

export const EventCheck: Check = {
  name: "Event",
  codes: ["SC2007", "SC2008", "SC2009"],
  nodes: {
    EventSubject: (subject, context) => {
      const name = subject.event;
      if (name.missing || context.model.events.has(name.text)) return;
      context.error(
        "SC2007",
        `Unknown event ${quoted(name.text)}; declare it with \`event "${name.text}" { … }\` or use a standard one.${suggestion(name.text, context.model.events.keys())}`,
        name,
      );
    },
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      const segment = failure && path.segments[failure.segment];
      if (!failure || !segment) return;
      if (failure.reason === "unknown event field") {
        context.error("SC2008", `The ${failure.owner} has no field ${ident(segment.text)}.${suggestion(segment.text, failure.candidates, ident)}`, segment);
      } else if (failure.reason === "event outside event subject") {
        context.error(
          "SC2009",
          `\`event.${path.segments[1]?.text ?? ""}\` reads the triggering activity event, but this rule is not on one; write \`on ${failure.owner} <event> …\`.`,
          segment,
        );
      }
    },
  },
};
