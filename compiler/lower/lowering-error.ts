// Lowering runs only on programs the checker accepted; a node it cannot lower
// means checker and lowering disagree, which is a bug, not a user error.
import type { NodeBase, SourceFile } from "../../grammar/ast";
import { positionAt } from "../../grammar/index";

export class LoweringError extends Error {
  constructor(readonly detail: string, readonly node?: NodeBase, where = "") {
    super(`cannot lower: ${detail}${where}`);
    this.name = "LoweringError";
  }

  /** The same error, saying where in `file` its node is (nodes know offsets, files know lines). */
  in(file: SourceFile): LoweringError {
    if (!this.node) return this;
    const { line, column } = positionAt(file.lineStarts, this.node.start);
    return new LoweringError(this.detail, this.node, ` (${file.path}, line ${line}, column ${column})`);
  }
}
