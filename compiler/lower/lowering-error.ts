// Lowering runs only on programs the checker accepted; a node it cannot lower
// means checker and lowering disagree, which is a bug, not a user error.
import type { NodeBase } from "../../grammar/ast";

export class LoweringError extends Error {
  constructor(message: string, node?: NodeBase) {
    const where = node ? ` (at offset ${node.start})` : "";
    super(`cannot lower: ${message}${where}`);
    this.name = "LoweringError";
  }
}
