/** `n word` or `n words`: counts in messages and reports read as English. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
