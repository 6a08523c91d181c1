// What formatting may legitimately move in the IR: every source location and
// the `file:line` names of unnamed rules. The rest must stay equal.
const locationKeys = new Set(["location", "eventLocations", "untilLocation", "stepLocations"]);

export function irWithoutPositions(program: unknown, fileLine: RegExp = /\.rules:\d+$/): unknown {
  return JSON.parse(JSON.stringify(program), (key, value) => {
    if (locationKeys.has(key)) return undefined;
    if (key === "name" && typeof value === "string" && fileLine.test(value)) return "file:line";
    return value;
  });
}
