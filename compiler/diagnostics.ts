// Checks report against nodes; positions come from the node's span, never from
// hand-computed offsets. Nodes invented by error recovery are never reported on.
import type { SourceFile, Span } from "../grammar/ast";
import { rangeIn } from "../grammar/index";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { diagnose, type DiagnosticMessage, type MessageArguments } from "../diagnostics/message";

export type { Diagnostic };

/** Anything with a span: a syntax node, or a part of one such as a calendar setting. */
export interface Located extends Span {
  missing?: boolean;
}

/**
 * A message of the table placed on a node. `file` is the file the node is in:
 * the file itself, not its path, since two sources may share a path
 * (compileSources, the playground) and only this file's line starts place the node.
 */
export function diagnosticAt<T extends string>(file: SourceFile, node: Located, message: DiagnosticMessage<T>, ...args: MessageArguments<T>): Diagnostic {
  return { ...diagnose(message, ...args), file: file.path, range: rangeIn(file, node) };
}

/** Sorted by the order the files were given, then line, then column (stable otherwise). */
export function sortDiagnostics(diagnostics: Diagnostic[], fileOrder: string[]): Diagnostic[] {
  const rank = new Map<string, number>();
  fileOrder.forEach((path, index) => {
    if (!rank.has(path)) rank.set(path, index);
  });
  const fileRank = (path: string) => rank.get(path) ?? fileOrder.length;
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        fileRank(a.diagnostic.file) - fileRank(b.diagnostic.file) ||
        a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
        a.diagnostic.range.start.column - b.diagnostic.range.start.column ||
        a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}
