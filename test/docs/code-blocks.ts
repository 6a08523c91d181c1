// Reads the fenced code blocks of a page in docs/, so that tests can hold the
// examples the reference shows to what the code does.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface CodeBlock {
  /** The word after the opening fence (`rules`, `text`), empty when there is none. */
  tag: string;
  text: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
}

export const repositoryRoot = join(import.meta.dirname, "..", "..");

export function readDoc(name: string): string {
  return readFileSync(join(repositoryRoot, "docs", name), "utf8");
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    if (i === lines.length) throw new Error(`the code block opened on line ${start + 1} is never closed`);
    blocks.push({ tag: open[1]!, text: `${body.join("\n")}\n`, line: start + 1 });
  }
  return blocks;
}

/** The body of the code block that follows the first line containing `marker`. */
export function blockAfter(markdown: string, marker: string): string {
  const at = markdown.indexOf(marker);
  if (at === -1) throw new Error(`no "${marker}" in the page`);
  const block = codeBlocks(markdown.slice(at))[0];
  if (!block) throw new Error(`no code block after "${marker}"`);
  return block.text;
}
