// Messages of the TypeScript tab: the page asks the worker for the checked
// program as a standalone TypeScript module, the backend `stagecraft compile`
// uses (compiler/backend). The backend and ts-morph load in the worker on the
// first question, as a chunk of their own.
export interface TypeScriptRequest {
  kind: "typescript";
  id: number;
}

export type TypeScriptResponse =
  | { kind: "typescript"; id: number; text: string; ms: number }
  /** No module: the rules have errors, or the backend failed (its message, never swallowed). */
  | { kind: "typescript"; id: number; problem: string };

export function isTypeScriptRequest(request: { kind: string }): request is TypeScriptRequest {
  return request.kind === "typescript";
}
