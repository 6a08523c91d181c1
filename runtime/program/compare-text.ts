// The one order of text that output depends on: by UTF-16 code units, the same
// on every machine and in every locale (localeCompare is neither).

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
