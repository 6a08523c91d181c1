// Field paths must name fields of the rule's record, following references
// (`contact.name` needs `contact` to be a reference). `create X with { f: … }`
// must name fields of X.
import { insteadOf, miscasedKeyword } from "../../grammar/other-spellings";
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

/** ` Write \`none\` …` for a word of another language (`null`, `True`) where a value was meant. */
function spellingHint(word: string): string | undefined {
  const instead = insteadOf(word);
  if (instead !== undefined) return ` Write \`${instead}\` for no value.`;
  const keyword = miscasedKeyword(word);
  return keyword === undefined ? undefined : ` Keywords are lower case: write \`${keyword}\`.`;
}

export const UnknownFieldCheck: Check = {
  name: "UnknownField",
  codes: ["SC2002"],
  nodes: {
    PathExpr: (path, context) => {
      const failure = context.binding.pathFailures.get(path);
      if (!failure) return;
      const segment = path.segments[failure.segment];
      if (!segment) return;
      if (failure.reason === "not a reference") {
        context.report(segment, Diagnostics.NotAReference, { owner: failure.owner, field: segment.text });
      } else if (failure.reason === "unknown field") {
        const hint =
          segment.text === "stage" && path.segments.length === 1
            ? ` ${ident(failure.owner)} has no sequential pipeline; use \`is open "S"\` for a parallel one.`
            : (path.segments.length === 1 ? spellingHint(segment.text) : undefined) ?? suggestion(segment.text, failure.candidates, ident);
        context.report(segment, Diagnostics.UnknownField, { field: segment.text, owner: failure.owner, hint });
      }
    },
    CreateRecordAction: (action, context) => {
      const entity = context.model.entities.get(action.entity.text);
      if (!entity) return;
      for (const assignment of action.fields) {
        const name = assignment.name;
        const field = entity.fields.get(name.text);
        // `stage` and `responsible` may be given at creation; `id` derives from the cause.
        if (field && field.name !== "id") continue;
        const declared = [...entity.fields.keys()].filter((f) => f !== "id");
        context.report(name, Diagnostics.UnknownField, { field: name.text, owner: entity.name, hint: suggestion(name.text, declared, ident) });
      }
    },
  },
};
