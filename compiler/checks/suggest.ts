// "Did you mean" over the names in scope: the closest name by edit distance,
// when it is close enough to be a plausible typo.

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

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
