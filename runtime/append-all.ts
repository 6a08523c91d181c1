// Appends one array to another in place. `target.push(...items)` passes every
// item as an argument, and an engine's argument limit (about 100k in V8) turns a
// long run's outputs into "Maximum call stack size exceeded"; a loop has no limit.
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
