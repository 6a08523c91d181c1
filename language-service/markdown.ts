// Names from the rules go into Markdown only inside code, where nothing is interpreted.

export function fenced(code: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}stagecraft\n${code}\n${fence}`;
}

export function inlineCode(text: string): string {
  const ticks = "`".repeat(longestRun(text, "`") + 1);
  return `${ticks} ${text} ${ticks}`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
