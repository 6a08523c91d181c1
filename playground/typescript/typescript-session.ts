// The worker's side of the TypeScript tab: emits the last checked program with
// the CLI's backend, imported on first use so the page opens without it.
import type { Program } from "../../runtime/program/ir";
import type { TypeScriptRequest, TypeScriptResponse } from "./typescript-protocol";

export async function answerTypeScriptRequest(request: TypeScriptRequest, program: Program | null): Promise<TypeScriptResponse> {
  if (!program) return { kind: "typescript", id: request.id, problem: "The rules have errors: fix them to see their TypeScript (see Problems)." };
  const started = performance.now();
  try {
    const { emitModule } = await import("../../compiler/backend/index");
    return { kind: "typescript", id: request.id, text: emitModule(program), ms: performance.now() - started };
  } catch (error) {
    return { kind: "typescript", id: request.id, problem: `internal error in the TypeScript backend: ${error instanceof Error ? error.message : String(error)}` };
  }
}
