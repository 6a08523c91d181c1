// Identifiers of the emitted module. They derive from rule and entity names
// through a whitelist of ASCII letters and digits, so no rule text can become
// code; collisions get a numeric suffix, in declaration order (deterministic).

/** Hands out unique identifiers; the first taker of a name keeps it. */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  allocate(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}

const MAX_WORDS = 6;

/** Words of a name, ASCII letters and digits only: "solar.rules:2" → ["solar", "rules", "2"]. */
function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").slice(0, MAX_WORDS);
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "Docs reminder" → "DocsReminder"; `fallback` when nothing usable is left. */
export function pascalCase(name: string, fallback: string): string {
  const joined = words(name).map(capitalise).join("");
  return joined === "" || /^[0-9]/.test(joined) ? fallback + joined : joined;
}

/** "Docs reminder" → "docsReminder"; `fallback` when nothing usable is left. */
export function camelCase(name: string, fallback: string): string {
  const pascal = pascalCase(name, "");
  if (pascal === "" || /^[0-9]/.test(pascal)) return fallback + pascal;
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
