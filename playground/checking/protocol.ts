// Messages between the page and the checker worker (check.worker.ts). Only
// plain data crosses: diagnostics, the symbol index, and the IR program.
import type { Diagnostic } from "../../grammar/diagnostic";
import type { Program } from "../../runtime/ir";
import type { SymbolIndex } from "./symbol-index";

export interface RulesSource {
  path: string;
  text: string;
}

export interface CheckRequest {
  id: number;
  sources: RulesSource[];
}

export interface CheckResponse {
  id: number;
  diagnostics: Diagnostic[];
  symbols: SymbolIndex;
  /** Present when the rules have no error: what Run and event validation use. */
  program: Program | null;
  /** Time spent checking inside the worker. */
  checkMs: number;
}
