// Valid programs with pieces cut, inserted or duplicated: what an editor holds
// between keystrokes. Shared by the property tests of the checker.
import fc from "fast-check";

export function mutatedProgram(program: string, fragments: readonly string[], maxMutations: number): fc.Arbitrary<string> {
  const mutation = fc.record({
    at: fc.nat({ max: program.length }),
    length: fc.nat({ max: 40 }),
    insert: fc.constantFrom(...fragments),
    kind: fc.constantFrom("cut", "insert", "duplicate"),
  });
  return fc.array(mutation, { minLength: 1, maxLength: maxMutations }).map((mutations) => {
    let text = program;
    for (const { at, length, insert, kind } of mutations) {
      const start = Math.min(at, text.length);
      if (kind === "cut") text = text.slice(0, start) + text.slice(start + length);
      else if (kind === "insert") text = text.slice(0, start) + insert + text.slice(start);
      else text = text.slice(0, start) + text.slice(start, start + length) + text.slice(start);
    }
    return text;
  });
}
