// Activity events in subjects must be in the stdlib catalog or declared with
// `event`; `event.x` is only readable in rules on an activity event, and x must
// be a field of that event's payload.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const EventCheck: Check = {
  name: "Event",
  codes: ["SC2007", "SC2008", "SC2009"],
  nodes: {
    EventSubject: (subject, context) => {
      const name = subject.event;
      if (name.missing || context.model.events.has(name.text)) return;
      context.report(name, Diagnostics.UnknownEvent, { event: name.text, hint: suggestion(name.text, context.model.events.keys()) });
    },
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      const segment = failure && path.segments[failure.segment];
      if (!failure || !segment) return;
      if (failure.reason === "unknown event field") {
        context.report(segment, Diagnostics.UnknownEventField, { owner: failure.owner, field: segment.text, hint: suggestion(segment.text, failure.candidates, ident) });
      } else if (failure.reason === "event outside event subject") {
        context.report(segment, Diagnostics.EventOutsideEventRule, { field: path.segments[1]?.text ?? "", entity: failure.owner });
      }
    },
  },
};
