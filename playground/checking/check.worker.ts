// The checker runs here, off the main thread, so typing never waits for it.
// Each request carries every rules file (they share one namespace); the answer
// carries what the page needs until the next one: markers, names, and the
// lowered program (when there is no error) that Run and event validation use.
import { compileSources } from "../../compiler/index";
import type { CheckRequest, CheckResponse } from "./protocol";
import { buildSymbolIndex } from "./symbol-index";

self.onmessage = (message: MessageEvent<CheckRequest>) => {
  const request = message.data;
  const started = performance.now();
  let response: CheckResponse;
  try {
    const result = compileSources(request.sources);
    response = {
      id: request.id,
      diagnostics: result.diagnostics,
      symbols: buildSymbolIndex(result.files),
      program: result.program ?? null,
      checkMs: performance.now() - started,
    };
  } catch (error) {
    // A crash in the checker must not silence the editor: show it as a diagnostic.
    const at = { offset: 0, line: 1, column: 1 };
    response = {
      id: request.id,
      diagnostics: [{
        code: "SC0000",
        severity: "error",
        message: `internal checker error: ${error instanceof Error ? error.message : String(error)}`,
        file: request.sources[0]?.path ?? "",
        range: { start: at, end: at },
      }],
      symbols: { entities: [], templates: [], teams: [], events: [] },
      program: null,
      checkMs: performance.now() - started,
    };
  }
  self.postMessage(response);
};
