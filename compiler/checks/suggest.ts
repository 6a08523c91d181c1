// The checker's "did you mean" sentence over the names in scope (the closest
// name itself is found in diagnostics/suggest.ts, for every layer).
import { closestName } from "../../diagnostics/suggest";

/** ` Did you mean "x"?` or, without a close name, the names that exist (a few). */
export function suggestion(name: string, candidates: Iterable<string>, show: (name: string) => string = quoted): string {
  const list = [...candidates].filter((candidate) => candidate !== name);
  const closest = closestName(name, list);
  if (closest !== undefined) return ` Did you mean ${show(closest)}?`;
  if (list.length === 0) return "";
  const shown = list.slice(0, 6).map(show).join(", ");
  return list.length > 6 ? ` Known: ${shown}, …` : ` Known: ${shown}.`;
}

/** A quoted name as written in the rules: stages, templates, events, users. */
export const quoted = (name: string): string => `"${name}"`;
/** An identifier: entities, fields, teams, enum values, functions. */
export const ident = (name: string): string => `\`${name}\``;
